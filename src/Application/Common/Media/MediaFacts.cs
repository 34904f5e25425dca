namespace AssetManager.Application.Common.Media;

/// <summary>
/// What a media file is, as displayed: an image's size after its EXIF orientation is applied (Duration null), a video's
/// size after its rotation and its duration in seconds (null when the container does not say).
/// </summary>
public sealed record MediaFacts(int Width, int Height, double? Duration);
