using System.Buffers;
using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using AssetManager.Application.Common.Storage;
using AssetManager.Domain.Assets;
using AssetManager.Domain.Common;
using Microsoft.Extensions.Logging;

namespace AssetManager.Infrastructure.Storage;

/// <summary>
/// Streams uploads into an S3 bucket: a file that fits one part goes in a single PUT; a larger one as a multipart
/// upload whose parts are sent while the next ones arrive, with at most a few part buffers in memory. When the
/// source vouches for a length of at least one part, that much goes as one part streamed straight through (no
/// buffer, one request, as fast as a single PUT) and only the rest is buffered.
/// Objects are public-read (unless turned off), cached for a day, and never overwrite an existing key.
/// </summary>
public sealed class S3ObjectStorage(
    IAmazonS3 s3, S3BodySender sender, StorageBucket bucket, StorageOptions options, ILogger<S3ObjectStorage> logger) : IObjectStorage
{
    /// <summary>S3's largest part (RGW's too): a longer streamed part would be refused after all its bytes.</summary>
    public const long MaxPartBytes = 5L * 1024 * 1024 * 1024;
    private const int ProbeSize = 256 * 1024;

    private static readonly ArrayPool<byte> PartPool = new PartBufferPool(retained: 8);

    private readonly string _publicBase = options.PublicBaseUrl + "/";

    public async Task<StoredFile> PutAsync(
        string key, Stream content, string contentType, long lengthAtLeast, CancellationToken cancellationToken)
    {
        if (options.StreamFirstPart && lengthAtLeast >= options.PartSizeBytes)
            await Multipart(key, contentType).RunAsync(content, Math.Min(lengthAtLeast, MaxPartBytes), cancellationToken);
        else
            await PutBufferedAsync(key, content, contentType, cancellationToken);
        return new StoredFile(key, _publicBase + key);
    }

    /// <summary>One PUT for a file that ends within a part; otherwise a multipart upload of buffered parts.</summary>
    private async Task PutBufferedAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        var probe = ArrayPool<byte>.Shared.Rent(ProbeSize);
        try
        {
            var length = await StreamCopy.FillAsync(content, probe.AsMemory(0, ProbeSize), cancellationToken);
            if (length < ProbeSize)
            {
                await PutSingleAsync(key, probe, length, contentType, cancellationToken);
                return;
            }
            // Every part but the last must be at least 5 MiB (S3 and RGW answer EntityTooSmall otherwise), so the
            // first part is filled to the full part size before anything is sent; a file that ends before that
            // goes in one PUT.
            var first = PartPool.Rent(options.PartSizeBytes);
            probe.AsSpan(0, length).CopyTo(first);
            ArrayPool<byte>.Shared.Return(probe);
            probe = null;
            try
            {
                length += await StreamCopy.FillAsync(content, first.AsMemory(length, options.PartSizeBytes - length), cancellationToken);
            }
            catch
            {
                PartPool.Return(first);
                throw;
            }
            if (length < options.PartSizeBytes)
            {
                try
                {
                    await PutSingleAsync(key, first, length, contentType, cancellationToken);
                }
                finally
                {
                    PartPool.Return(first);
                }
                return;
            }
            await Multipart(key, contentType).RunAsync(first, length, content, cancellationToken);
        }
        finally
        {
            if (probe is not null) ArrayPool<byte>.Shared.Return(probe);
        }
    }

    private S3MultipartUpload Multipart(string key, string contentType) =>
        new(s3, sender, bucket, options, key, contentType, PartPool, logger);

    private Task PutSingleAsync(string key, byte[] buffer, int length, string contentType, CancellationToken ct) =>
        bucket.WriteAsync(() => sender.PutObjectAsync(key, buffer.AsMemory(0, length), contentType, ct), ct);

    public async Task DownloadAsync(string key, Stream destination, CancellationToken cancellationToken)
    {
        using var response = await S3Errors.WrapAsync(() => s3.GetObjectAsync(options.BucketName, key, cancellationToken), cancellationToken);
        await using var body = response.ResponseStream;
        await body.CopyToAsync(destination, cancellationToken);
    }

    /// <summary>
    /// Aborts the multipart uploads under <c>uploads/</c> started before the time: those of a process that died, or of
    /// a direct upload whose row is gone. Each part they hold is billed storage until then. The keys in
    /// <paramref name="keep"/> belong to direct uploads still pending and are left to their own sweep.
    /// </summary>
    public async Task<int> SweepAbandonedUploadsAsync(DateTimeOffset startedBefore, IReadOnlySet<string> keep, CancellationToken cancellationToken)
    {
        var aborted = 0;
        var request = new ListMultipartUploadsRequest { BucketName = options.BucketName, Prefix = ObjectKeys.UploadsFolder + "/" };
        while (true)
        {
            var page = await S3Errors.WrapAsync(() => s3.ListMultipartUploadsAsync(request, cancellationToken), cancellationToken);
            foreach (var upload in page.MultipartUploads ?? [])
            {
                if (upload.Initiated is not { } initiated || initiated.ToUniversalTime() >= startedBefore.UtcDateTime) continue;
                if (keep.Contains(upload.Key!)) continue;
                await S3Errors.WrapAsync(() => s3.AbortMultipartUploadAsync(options.BucketName, upload.Key, upload.UploadId, cancellationToken), cancellationToken);
                logger.LogInformation("Aborted the abandoned multipart upload of {Key} started {Initiated:o}", upload.Key, initiated);
                aborted++;
            }
            if (page.IsTruncated != true) return aborted;
            request.KeyMarker = page.NextKeyMarker;
            request.UploadIdMarker = page.NextUploadIdMarker;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        await S3Errors.WrapAsync(() => s3.DeleteObjectAsync(options.BucketName, key, cancellationToken), cancellationToken);

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await s3.GetObjectMetadataAsync(options.BucketName, key, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public string? KeyFromUrl(string url)
    {
        if (!url.StartsWith(_publicBase, StringComparison.OrdinalIgnoreCase)) return null;
        var key = Uri.UnescapeDataString(url[_publicBase.Length..]);
        var query = key.IndexOfAny(['?', '#']);
        if (query >= 0) key = key[..query];
        return key.Length == 0 || key.Split('/').Any(s => s is "" or "." or "..") ? null : key;
    }

    public async Task CheckHealthAsync(CancellationToken cancellationToken) =>
        await S3Errors.WrapAsync(() => s3.ListObjectsV2Async(
            new ListObjectsV2Request { BucketName = options.BucketName, MaxKeys = 1 }, cancellationToken), cancellationToken);
}
