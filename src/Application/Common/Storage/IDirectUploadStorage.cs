using AssetManager.Domain.Assets;

namespace AssetManager.Application.Common.Storage;

/// <summary>
/// Uploads that do not pass through the service: the client sends the bytes to the store with presigned URLs, and the
/// service checks and publishes the object afterwards. Only an S3 store offers them (<see cref="IsAvailable"/>).
/// Errors of the store become <see cref="Domain.Common.StorageFailedException"/>.
/// </summary>
public interface IDirectUploadStorage
{
    bool IsAvailable { get; }

    /// <summary>
    /// A presigned PUT of <paramref name="key"/> and the headers the client must send with it (signed into the URL):
    /// the Content-Type, the caching header, and If-None-Match: * so that an existing object is never overwritten. The
    /// <paramref name="size"/> is signed in too (as Content-Length, which every client sends by itself): a store that
    /// checks signatures refuses any other size.
    /// </summary>
    Task<PresignedRequest> PresignPutAsync(string key, string contentType, long size, DateTime expiresAt);

    /// <summary>Starts a multipart upload of an object with the service's headers (it stays private until published); its id.</summary>
    Task<string> StartMultipartAsync(string key, string contentType, CancellationToken cancellationToken);

    /// <summary>A presigned UploadPart URL for part <paramref name="partNumber"/> (1-based) of exactly <paramref name="size"/> bytes.</summary>
    Task<string> PresignPartAsync(string key, string multipartUploadId, int partNumber, long size, DateTime expiresAt);

    /// <summary>The parts the store holds for the upload, in order; empty when the upload is gone.</summary>
    Task<IReadOnlyList<StoredPart>> ListPartsAsync(string key, string multipartUploadId, CancellationToken cancellationToken);

    /// <summary>
    /// Completes the multipart upload with <paramref name="parts"/> (none: nothing to complete), never overwriting an
    /// existing object. Parts the store does not recognise: <see cref="Domain.Common.UploadRejectedException"/>. An
    /// upload already completed or aborted is left as it is.
    /// </summary>
    Task CompleteMultipartAsync(string key, string multipartUploadId, IReadOnlyList<StoredPart> parts, CancellationToken cancellationToken);

    /// <summary>Aborts a multipart upload; one already gone is not an error.</summary>
    Task AbortMultipartAsync(string key, string multipartUploadId, CancellationToken cancellationToken);

    /// <summary>
    /// The object's size, whether it carries the headers the service gives a <paramref name="contentType"/> object, and
    /// its first <paramref name="headLength"/> bytes; null when there is no object.
    /// </summary>
    Task<StoredObject?> DescribeAsync(string key, string contentType, int headLength, CancellationToken cancellationToken);

    /// <summary>Makes the object public-read (unless ACLs are turned off); returns it with its public URL.</summary>
    Task<StoredFile> PublishAsync(string key, CancellationToken cancellationToken);
}

/// <summary>A presigned request: the URL and the headers to send with it.</summary>
public sealed record PresignedRequest(string Url, IReadOnlyDictionary<string, string> Headers);

/// <summary>A part the store holds: its number, ETag (as the store gave it) and size.</summary>
public sealed record StoredPart(int PartNumber, string ETag, long Size = 0);

/// <summary>What the store says about an object: its size, whether its headers are the service's, its leading bytes.</summary>
public sealed record StoredObject(long Size, bool HasServiceHeaders, byte[] Head);
