using AssetManager.Application.Common.Storage;

namespace AssetManager.Infrastructure.Storage;

/// <summary>The store's origins as a browser meets them, from the storage settings.</summary>
public static class StorageBrowserOrigins
{
    public static BrowserOrigins From(StorageOptions storage)
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
