namespace AssetManager.Domain.Assets;

/// <summary>The families whose leading bytes are checked against each other.</summary>
public enum FileFamily
{
    RasterImage,
    Svg,
    Video,
}

/// <summary>An accepted extension: its asset type, family and Content-Type.</summary>
public sealed record FileFormat(string Extension, AssetType AssetType, FileFamily Family, string ContentType)
{
    public static IReadOnlyList<FileFormat> All { get; } =
    [
        new(".jpg", AssetType.Image, FileFamily.RasterImage, "image/jpeg"),
        new(".jpeg", AssetType.Image, FileFamily.RasterImage, "image/jpeg"),
        new(".png", AssetType.Image, FileFamily.RasterImage, "image/png"),
        new(".gif", AssetType.Image, FileFamily.RasterImage, "image/gif"),
        new(".webp", AssetType.Image, FileFamily.RasterImage, "image/webp"),
        new(".bmp", AssetType.Image, FileFamily.RasterImage, "image/bmp"),
        new(".svg", AssetType.Image, FileFamily.Svg, "image/svg+xml"),
        new(".mp4", AssetType.Video, FileFamily.Video, "video/mp4"),
        new(".mov", AssetType.Video, FileFamily.Video, "video/quicktime"),
        new(".avi", AssetType.Video, FileFamily.Video, "video/x-msvideo"),
        new(".mkv", AssetType.Video, FileFamily.Video, "video/x-matroska"),
        new(".webm", AssetType.Video, FileFamily.Video, "video/webm"),
        new(".flv", AssetType.Video, FileFamily.Video, "video/x-flv"),
        new(".wmv", AssetType.Video, FileFamily.Video, "video/x-ms-wmv"),
    ];

    public static string AllowedList { get; } = string.Join(", ", All.Select(f => f.Extension));

    public static FileFormat? FromExtension(string extension) =>
        All.FirstOrDefault(f => f.Extension.Equals(extension, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The first accepted format served as <paramref name="contentType"/> (parameters such as <c>; charset</c> ignored):
    /// <c>image/jpeg</c> is <c>.jpg</c>. Null for any other type.
    /// </summary>
    public static FileFormat? FromContentType(string? contentType)
    {
        var mediaType = contentType?.Split(';', 2)[0].Trim();
        return string.IsNullOrEmpty(mediaType)
            ? null
            : All.FirstOrDefault(f => f.ContentType.Equals(mediaType, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The lower-cased extension of the last path segment, "" when there is none (as Python's splitext: a name
    /// that only starts with a dot, like ".png", has none).
    /// </summary>
    public static string ExtensionOf(string fileName)
    {
        var name = fileName.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        return dot <= 0 ? "" : name[dot..].ToLowerInvariant();
    }
}
