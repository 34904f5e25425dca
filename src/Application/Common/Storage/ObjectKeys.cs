namespace AssetManager.Application.Common.Storage;

/// <summary>
/// Unique object names: <c>folder/&lt;32 hex chars of a random UUID&gt;.ext</c>, the original name never appears; renditions
/// are named after their original.
/// </summary>
public static class ObjectKeys
{
    public const string UploadsFolder = "uploads";
    public const string ThumbnailsFolder = "thumbnails";
    public const string PreviewsFolder = "previews";

    public static string NewKey(string extension, string folder = UploadsFolder) =>
        $"{folder}/{Guid.NewGuid():N}{extension.ToLowerInvariant()}";

    /// <summary><c>thumbnails/&lt;the original's hex&gt;.webp</c>.</summary>
    public static string ThumbnailOf(string fileKey) => $"{ThumbnailsFolder}/{NameOf(fileKey)}.webp";

    /// <summary><c>previews/&lt;the original's hex&gt;.webp</c>.</summary>
    public static string PreviewOf(string fileKey) => $"{PreviewsFolder}/{NameOf(fileKey)}.webp";

    private static string NameOf(string key) => Path.GetFileNameWithoutExtension(key[(key.LastIndexOf('/') + 1)..]);
}
