using AssetManager.Domain.Assets;

namespace AssetManager.Application.Common.Storage;

/// <summary>
/// Where asset files live: S3 (or any S3-compatible store) or the local disk.
/// Objects are public-read, cached for a day, and never overwritten.
/// </summary>
public interface IObjectStorage
{
    /// <summary>
    /// Streams <paramref name="content"/> to <paramref name="key"/>. Errors of the store become
    /// <see cref="Domain.Common.StorageFailedException"/>; errors reading <paramref name="content"/> propagate as
    /// they are. On any failure nothing is left in the store.
    /// </summary>
    /// <param name="lengthAtLeast">
    /// How many bytes <paramref name="content"/> is known to hold at least (0 when nothing is known); a store may
    /// send that many before the end is in sight. A source that ends sooner must fail its read.
    /// </param>
    Task<StoredFile> PutAsync(string key, Stream content, string contentType, long lengthAtLeast, CancellationToken cancellationToken);

    /// <summary>Copies an object's bytes to <paramref name="destination"/>.</summary>
    Task DownloadAsync(string key, Stream destination, CancellationToken cancellationToken);

    /// <summary>
    /// Removes what uploads that never finished left behind (a crash, a client gone): unfinished multipart uploads and
    /// temporary files started before <paramref name="startedBefore"/>, except the multipart uploads of the keys in
    /// <paramref name="keep"/> (direct uploads still pending). Returns how many were removed.
    /// </summary>
    Task<int> SweepAbandonedUploadsAsync(DateTimeOffset startedBefore, IReadOnlySet<string> keep, CancellationToken cancellationToken);

    /// <summary>Deletes an object; a missing object is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Whether an object exists under <paramref name="key"/>.</summary>
    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken);

    /// <summary>The key behind one of this store's public URLs, or null for a URL that is not ours.</summary>
    string? KeyFromUrl(string url);

    /// <summary>Throws when the store cannot be reached.</summary>
    Task CheckHealthAsync(CancellationToken cancellationToken);
}
