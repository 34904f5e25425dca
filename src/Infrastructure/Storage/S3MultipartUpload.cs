using System.Buffers;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;

namespace AssetManager.Infrastructure.Storage;

/// <summary>
/// One multipart upload: parts are read from the source into pooled buffers and sent concurrently
/// (at most <see cref="StorageOptions.MaxConcurrentParts"/> in flight), after a first part that may be streamed
/// straight from the source when its length is known. On any failure the upload is aborted, so the store keeps nothing.
/// </summary>
internal sealed class S3MultipartUpload(
    IAmazonS3 s3, S3BodySender sender, StorageBucket bucket, StorageOptions options, string key, string contentType, ArrayPool<byte> pool,
    ILogger logger)
{
    private readonly List<Task<PartETag>> _inFlight = [];
    private readonly List<PartETag> _done = [];
    private string? _uploadId;

    /// <summary>Part 1 is <paramref name="firstPart"/> (this upload returns it to the pool), the rest is read from the source.</summary>
    public async Task RunAsync(byte[] firstPart, int firstLength, Stream source, CancellationToken ct)
    {
        byte[]? unsent = firstPart;
        try
        {
            await RunAsync(() =>
            {
                unsent = null;
                return SendBufferedPartsAsync(1, firstPart, firstLength, source, ct);
            }, ct);
        }
        finally
        {
            if (unsent is not null) pool.Return(unsent); // the upload could not even be started
        }
    }

    /// <summary>
    /// Part 1 is the first <paramref name="streamedLength"/> bytes of the source, sent as they arrive; the rest
    /// follows in buffered parts, read while the store still answers for part 1.
    /// </summary>
    public Task RunAsync(Stream source, long streamedLength, CancellationToken ct) =>
        RunAsync(async () =>
        {
            var first = new StreamedBodyContent(source, streamedLength);
            var part = SendStreamedPartAsync(first, ct);
            _inFlight.Add(part);
            await Task.WhenAny(first.SourceDone, part);
            if (!first.SourceDone.IsCompleted || first.SourceError is not null) await part; // throws what stopped it
            await SendBufferedPartsAsync(2, null, 0, source, ct);
        }, ct);

    private async Task RunAsync(Func<Task> sendParts, CancellationToken ct)
    {
        try
        {
            _uploadId = await InitiateAsync(ct);
            await sendParts();
            _done.AddRange(await Task.WhenAll(_inFlight));
            _inFlight.Clear();
            await CompleteAsync(ct);
        }
        catch
        {
            await AbortAsync();
            throw;
        }
    }

    /// <summary>Sends <paramref name="buffer"/> (when given) as part <paramref name="partNumber"/>, then the rest of the source.</summary>
    private async Task SendBufferedPartsAsync(int partNumber, byte[]? buffer, int length, Stream source, CancellationToken ct)
    {
        try
        {
            for (; ; partNumber++)
            {
                if (buffer is null)
                {
                    buffer = pool.Rent(options.PartSizeBytes);
                    length = await StreamCopy.FillAsync(source, buffer.AsMemory(0, options.PartSizeBytes), ct);
                }
                if (length == 0) return;
                if (_inFlight.Find(part => part.IsFaulted) is { } failed) await failed; // no more bytes for a lost upload
                _inFlight.Add(SendPartAsync(partNumber, buffer, length, ct));
                buffer = null;
                if (_inFlight.Count >= options.MaxConcurrentParts) await CollectOneAsync();
            }
        }
        finally
        {
            if (buffer is not null) pool.Return(buffer);
        }
    }

    private async Task<string> InitiateAsync(CancellationToken ct)
    {
        var request = new InitiateMultipartUploadRequest { BucketName = options.BucketName, Key = key, ContentType = contentType };
        request.Headers.CacheControl = ObjectHeaders.CacheControl;
        request.Headers.ContentDisposition = ObjectHeaders.ContentDisposition(contentType);
        if (options.UsesAcl) request.CannedACL = new S3CannedACL(options.DefaultAcl);
        var response = await bucket.WriteAsync(() => S3Errors.WrapAsync(() => s3.InitiateMultipartUploadAsync(request, ct), ct), ct);
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

    private async Task<PartETag> SendStreamedPartAsync(StreamedBodyContent body, CancellationToken ct)
    {
        var etag = await sender.UploadPartAsync(key, _uploadId!, 1, body, ct);
        return new PartETag(1, etag);
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
