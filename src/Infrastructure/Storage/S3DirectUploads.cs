using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using AssetManager.Application.Common.Storage;
using AssetManager.Domain.Assets;
using AssetManager.Domain.Common;

namespace AssetManager.Infrastructure.Storage;

/// <summary>
/// Direct uploads to the S3 bucket (docs/adr/0008). A single PUT is presigned with the object's headers and
/// If-None-Match: * signed in, so the client must send them and can never overwrite an object, the asset's included;
/// a multipart upload is started by the service with those headers and completed with If-None-Match: *. Objects
/// stay private until <see cref="PublishAsync"/> gives them the canned ACL, after the service has checked them.
/// Presigned URLs address the bucket as every other request of the client does (path style, IP endpoints).
/// </summary>
public sealed class S3DirectUploads(IAmazonS3 s3, StorageBucket bucket, StorageOptions options) : IDirectUploadStorage
{
    private const int ListPageSize = 1000;

    public bool IsAvailable => options.UsesS3;

    public async Task<PresignedRequest> PresignPutAsync(string key, string contentType, long size, DateTime expiresAt)
    {
        var request = Presigned(key, size, expiresAt);
        request.ContentType = contentType;
        var headers = new Dictionary<string, string>
        {
            ["Content-Type"] = contentType,
            ["Cache-Control"] = ObjectHeaders.CacheControl,
            ["If-None-Match"] = "*",
        };
        if (ObjectHeaders.ContentDisposition(contentType) is { } disposition) headers["Content-Disposition"] = disposition;
        foreach (var (name, value) in headers.Where(h => h.Key != "Content-Type")) request.Headers[name] = value;
        return new PresignedRequest(await s3.GetPreSignedURLAsync(request), headers);
    }

    public async Task<string> StartMultipartAsync(string key, string contentType, CancellationToken cancellationToken)
    {
        var request = new InitiateMultipartUploadRequest { BucketName = options.BucketName, Key = key, ContentType = contentType };
        request.Headers.CacheControl = ObjectHeaders.CacheControl;
        request.Headers.ContentDisposition = ObjectHeaders.ContentDisposition(contentType);
        var response = await bucket.WriteAsync(
            () => S3Errors.WrapAsync(() => s3.InitiateMultipartUploadAsync(request, cancellationToken), cancellationToken), cancellationToken);
        return response.UploadId!;
    }

    public async Task<string> PresignPartAsync(string key, string multipartUploadId, int partNumber, long size, DateTime expiresAt)
    {
        var request = Presigned(key, size, expiresAt);
        request.UploadId = multipartUploadId;
        request.PartNumber = partNumber;
        return await s3.GetPreSignedURLAsync(request);
    }

    public async Task<IReadOnlyList<StoredPart>> ListPartsAsync(string key, string multipartUploadId, CancellationToken cancellationToken)
    {
        var parts = new List<StoredPart>();
        var request = new ListPartsRequest { BucketName = options.BucketName, Key = key, UploadId = multipartUploadId, MaxParts = ListPageSize };
        try
        {
            while (true)
            {
                var page = await S3Errors.WrapAsync(() => s3.ListPartsAsync(request, cancellationToken), cancellationToken);
                parts.AddRange((page.Parts ?? []).Select(p => new StoredPart(p.PartNumber ?? 0, p.ETag ?? "", p.Size ?? 0)));
                if (page.IsTruncated != true) return parts.OrderBy(p => p.PartNumber).ToList();
                request.PartNumberMarker = page.NextPartNumberMarker?.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        catch (StorageFailedException ex) when (IsNoSuchUpload(ex))
        {
            return [];
        }
    }

    public async Task CompleteMultipartAsync(
        string key, string multipartUploadId, IReadOnlyList<StoredPart> parts, CancellationToken cancellationToken)
    {
        if (parts.Count == 0) return; // nothing sent yet, or completed or aborted before: the object tells
        var request = new CompleteMultipartUploadRequest
        {
            BucketName = options.BucketName,
            Key = key,
            UploadId = multipartUploadId,
            PartETags = parts.OrderBy(p => p.PartNumber).Select(p => new PartETag(p.PartNumber, p.ETag)).ToList(),
            IfNoneMatch = "*",
        };
        try
        {
            await S3Errors.WrapAsync(() => s3.CompleteMultipartUploadAsync(request, cancellationToken), cancellationToken);
        }
        catch (StorageFailedException ex) when (IsNoSuchUpload(ex))
        {
            // completed by an earlier attempt whose answer was lost, or aborted: the object tells which
        }
        catch (StorageFailedException ex) when (ex.InnerException is AmazonS3Exception
                   { ErrorCode: "InvalidPart" or "InvalidPartOrder" or "EntityTooSmall" or "MalformedXML" } refused)
        {
            throw new UploadRejectedException($"The parts do not make up the file: {refused.ErrorCode}: {refused.Message}");
        }
    }

    public async Task AbortMultipartAsync(string key, string multipartUploadId, CancellationToken cancellationToken)
    {
        try
        {
            await S3Errors.WrapAsync(() => s3.AbortMultipartUploadAsync(options.BucketName, key, multipartUploadId, cancellationToken), cancellationToken);
        }
        catch (StorageFailedException ex) when (IsNoSuchUpload(ex))
        {
        }
    }

    public async Task<StoredObject?> DescribeAsync(string key, string contentType, int headLength, CancellationToken cancellationToken)
    {
        GetObjectMetadataResponse metadata;
        try
        {
            metadata = await s3.GetObjectMetadataAsync(options.BucketName, key, cancellationToken);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (Exception ex) when (ex is AmazonServiceException or AmazonClientException)
        {
            throw new StorageFailedException(ex.Message, ex);
        }
        var size = metadata.ContentLength;
        var headers = metadata.Headers;
        var asGiven = string.Equals(headers.ContentType, contentType, StringComparison.OrdinalIgnoreCase)
            && headers.CacheControl == ObjectHeaders.CacheControl
            && (headers.ContentDisposition ?? "") == (ObjectHeaders.ContentDisposition(contentType) ?? "");
        return new StoredObject(size, asGiven, size == 0 ? [] : await ReadHeadAsync(key, (int)Math.Min(size, headLength), cancellationToken));
    }

    private Task<byte[]> ReadHeadAsync(string key, int length, CancellationToken ct) =>
        // the body too: a connection lost while it is read is the store's failure, as the request's would be
        S3Errors.WrapAsync(async () =>
        {
            var request = new GetObjectRequest { BucketName = options.BucketName, Key = key, ByteRange = new ByteRange(0, length - 1) };
            using var response = await s3.GetObjectAsync(request, ct);
            var head = new byte[length];
            await response.ResponseStream.ReadExactlyAsync(head, ct);
            return head;
        }, ct);

    public async Task<StoredFile> PublishAsync(string key, CancellationToken cancellationToken)
    {
        if (options.UsesAcl)
            await S3Errors.WrapAsync(() => s3.PutObjectAclAsync(new PutObjectAclRequest
            {
                BucketName = options.BucketName, Key = key, ACL = new S3CannedACL(options.DefaultAcl),
            }, cancellationToken), cancellationToken);
        return new StoredFile(key, $"{options.PublicBaseUrl}/{key}");
    }

    private GetPreSignedUrlRequest Presigned(string key, long size, DateTime expiresAt)
    {
        var request = new GetPreSignedUrlRequest
        {
            BucketName = options.BucketName,
            Key = key,
            Verb = HttpVerb.PUT,
            Expires = DateTime.SpecifyKind(expiresAt, DateTimeKind.Utc),
            // the SDK signs for https unless told: the endpoint's own scheme
            Protocol = options.EndpointUrl.StartsWith("http:", StringComparison.OrdinalIgnoreCase) ? Protocol.HTTP : Protocol.HTTPS,
        };
        // signed, not handed to the client: it sends the length itself (a browser may not set the header)
        request.Headers.ContentLength = size;
        return request;
    }

    private static bool IsNoSuchUpload(StorageFailedException ex) =>
        ex.InnerException is AmazonS3Exception { ErrorCode: "NoSuchUpload" };
}
