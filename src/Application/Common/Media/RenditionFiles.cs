namespace AssetManager.Application.Common.Media;

/// <summary>The renditions written as WebP files at the paths the caller chose.</summary>
public sealed record RenditionFiles(string ThumbnailPath, string PreviewPath);
