namespace AssetManager.Application.Common.Media;

/// <summary>The sizes of the renditions: the long side at most this many pixels, never enlarged.</summary>
public static class Renditions
{
    public const int ThumbnailMaxSide = 512;
    public const int PreviewMaxSide = 2048;

    /// <summary>
    /// Every scratch folder of a renditions job starts with this, in the system's temporary folder; the maintenance job
    /// removes those a dead process left.
    /// </summary>
    public const string ScratchPrefix = "assetmanager-renditions-";
}
