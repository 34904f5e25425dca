using System.Buffers;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;

namespace AssetManager.Infrastructure.Storage;

/// <summary>
/// One multipart upload: parts are read from the source into pooled buffers and sent concurrently
/// (at most <see cref="StorageOptions.MaxConcurrentParts"/> in flight). On any failure the upload is aborted,
/// so the store keeps nothing.
/// </summary>
internal sealed class S3MultipartUpload(
    IAmazonS3 s3, S3BodySender sender, StorageOptions options, string key, string contentType, ArrayPool<byte> pool, ILogger logger)
{
    private readonly List<Task<PartETag>> _inFlight = [];
    private readonly List<PartETag> _done = [];
    private string? _uploadId;

    public async Task RunAsync(byte[] firstPart, int firstLength, Stream source, CancellationToken ct)
    {
        byte[]? buffer = firstPart;
        try
        {
            _uploadId = await InitiateAsync(ct);
            var length = firstLength;
            for (var partNumber = 1; length > 0; partNumber++)
            {
                _inFlight.Add(SendPartAsync(partNumber, buffer, length, ct));
                buffer = null;
                if (_inFlight.Count >= options.MaxConcurrentParts) await CollectOneAsync();
                buffer = pool.Rent(options.PartSizeBytes);
                length = await StreamCopy.FillAsync(source, buffer.AsMemory(0, options.PartSizeBytes), ct);
            }
            _done.AddRange(await Task.WhenAll(_inFlight));
            _inFlight.Clear();
            await CompleteAsync(ct);
        }
        catch
        {
            await AbortAsync();
            throw;
        }
        finally
        {
            if (buffer is not null) pool.Return(buffer);
        }
    }

    private async Task<string> InitiateAsync(CancellationToken ct)
    {
        var request = new InitiateMultipartUploadRequest { BucketName = options.BucketName, Key = key, ContentType = contentType };
        request.Headers.CacheControl = S3ObjectStorage.CacheControl;
        if (options.UsesAcl) request.CannedACL = new S3CannedACL(options.DefaultAcl);
        var response = await S3Errors.WrapAsync(() => s3.InitiateMultipartUploadAsync(request, ct), ct);
        return response.UploadId!;
    }

    private async Task<PartETag> SendPartAsync(int partNumber, byte[] buffer, int length, CancellationToken ct)
    {
        try
        {
            var etag = await sender.UploadPartAsync(key, _uploadId!, partNumber, buffer.AsMemory(0, length), ct);
            return new PartETag(partNumber, etag);
        }
        finally
        {
            pool.Return(buffer);
        }
    }

    private async Task CollectOneAsync()
    {
        var finished = await Task.WhenAny(_inFlight);
        _inFlight.Remove(finished);
        _done.Add(await finished);
    }

    private async Task CompleteAsync(CancellationToken ct)
    {
        var request = new CompleteMultipartUploadRequest
        {
            BucketName = options.BucketName,
            Key = key,
            UploadId = _uploadId,
            PartETags = _done.OrderBy(p => p.PartNumber).ToList(),
            IfNoneMatch = "*", // as the single PUT: an existing key is never overwritten
        };
        await S3Errors.WrapAsync(() => s3.CompleteMultipartUploadAsync(request, ct), ct);
    }

    private async Task AbortAsync()
    {
        try
        {
            await Task.WhenAll(_inFlight);
        }
        catch
        {
            // the first failure is the one reported; the others only need to have finished
        }
        if (_uploadId is null) return;
        try
        {
            await s3.AbortMultipartUploadAsync(options.BucketName, key, _uploadId, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not abort multipart upload {UploadId} of {Key}", _uploadId, key);
        }
    }
}
