namespace AssetManager.Infrastructure.Storage;

/// <summary>The headers every stored object is served with, by S3 and by the disk store alike.</summary>
public static class ObjectHeaders
{
    public const string CacheControl = "max-age=86400";

    /// <summary>
    /// <c>attachment</c> for active content (SVG can carry scripts): opening its URL downloads it instead of running it on
    /// the storage's origin, while an &lt;img&gt; still shows it. Null for everything else.
    /// </summary>
    public static string? ContentDisposition(string contentType) =>
        contentType.Equals("image/svg+xml", StringComparison.OrdinalIgnoreCase) ? "attachment" : null;
}
