using AssetManager.Infrastructure.Storage;

namespace AssetManager.WebApi.Http;

/// <summary>
/// The origins besides its own that the web app (<c>/app/</c>) talks to: where the store serves files, thumbnails
/// and previews (<see cref="Media"/>) and where a browser sends a direct upload (<see cref="Upload"/>).
/// </summary>
public sealed record WebAppOrigins(IReadOnlyList<string> Media, IReadOnlyList<string> Upload)
{
    public static WebAppOrigins From(StorageOptions storage)
    {
        if (!storage.UsesS3) return new([.. OriginOf(storage.LocalPublicBaseUrl)], []);
        var upload = new List<string>(OriginOf(storage.EndpointUrl));
        // Virtual-hosted presigned URLs name the bucket in the host.
        if (!storage.UsesPathStyle && Uri.TryCreate(storage.EndpointUrl, UriKind.Absolute, out var endpoint))
            upload.AddRange(OriginOf($"{endpoint.Scheme}://{storage.BucketName}.{endpoint.Authority}"));
        return new([.. OriginOf(storage.PublicBaseUrl)], upload.Distinct().ToList());
    }

    private static IEnumerable<string> OriginOf(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? [uri.GetLeftPart(UriPartial.Authority)]
            : [];
}
