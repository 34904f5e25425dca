using System.Net;
using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Xml.Linq;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using AssetManager.Domain.Common;

namespace AssetManager.Infrastructure.Storage;

/// <summary>
/// Sends the requests that carry object bytes (PUT Object and UploadPart) from memory with one
/// <see cref="HttpClient"/>, signed with SigV4 and an unsigned payload, as every presigned URL is. The SDK signs
/// the payload's SHA-256 over http, which costs the service and the store a hash of every byte
/// (docs/performance.md); everything else (initiate, complete, abort, delete) still goes through the SDK.
/// A request from memory that fails in transit or with a 5xx is sent again, up to <see cref="Attempts"/> times, as
/// the SDK would; a part streamed from its source (<see cref="StreamedBodyContent"/>) can be sent only once.
/// </summary>
/// <param name="objectBaseUrl">Where the bucket's objects are, as the SDK addresses them (<see cref="S3ClientFactory.ObjectBaseUrl"/>).</param>
public sealed class S3BodySender(
    HttpClient http, AWSCredentials? explicitCredentials, StorageOptions options, string objectBaseUrl, TimeProvider clock,
    TimeSpan? stallTimeout = null)
{
    public const int Attempts = 3;
    private const int MaxErrorBodyBytes = 64 * 1024;

    /// <summary>
    /// How long the store may keep a request waiting: to take the next bytes, or to answer once it has them all.
    /// Not a limit on the whole request, since a streamed part lasts as long as the client's upload; time spent
    /// waiting for the client does not count.
    /// </summary>
    public static readonly TimeSpan DefaultStallTimeout = TimeSpan.FromMinutes(5);

    private readonly TimeSpan _stallTimeout = stallTimeout ?? DefaultStallTimeout;

    // Without keys in the configuration, the SDK's chain (environment, profile, instance metadata) as for the client;
    // looked up on first use so that start-up never fails on it, and again after a failure.
    private readonly Lazy<AWSCredentials> _credentials = new(
        () => explicitCredentials ?? DefaultAWSCredentialsIdentityResolver.GetCredentials(null),
        LazyThreadSafetyMode.PublicationOnly);

    private readonly SigV4Signer _signer = new(options.Region);
    private readonly string _objectBase = objectBaseUrl.EndsWith('/') ? objectBaseUrl : objectBaseUrl + "/";

    /// <summary>PUT Object with the service's headers: Content-Type, Cache-Control, Content-Disposition for active content, the canned ACL, If-None-Match: *.</summary>
    public async Task PutObjectAsync(string key, ReadOnlyMemory<byte> body, string contentType, CancellationToken ct)
    {
        using var response = await SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Put, ObjectUrl(key)) { Content = Body(body, contentType) };
            request.Headers.CacheControl = CacheControlHeaderValue.Parse(ObjectHeaders.CacheControl);
            if (ObjectHeaders.ContentDisposition(contentType) is { } disposition)
                request.Content!.Headers.ContentDisposition = ContentDispositionHeaderValue.Parse(disposition);
            request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Any);
            if (options.UsesAcl) request.Headers.TryAddWithoutValidation("x-amz-acl", options.DefaultAcl);
            return request;
        }, ct);
    }

    /// <summary>UploadPart; returns the part's ETag as the store gave it.</summary>
    public Task<string> UploadPartAsync(string key, string uploadId, int partNumber, ReadOnlyMemory<byte> body, CancellationToken ct) =>
        UploadPartAsync(key, uploadId, partNumber, () => Body(body, null), Attempts, ct);

    /// <summary>UploadPart streamed from its source, sent once; an error reading the source is rethrown as it is.</summary>
    internal Task<string> UploadPartAsync(string key, string uploadId, int partNumber, StreamedBodyContent body, CancellationToken ct) =>
        UploadPartAsync(key, uploadId, partNumber, () => body, attempts: 1, ct);

    private async Task<string> UploadPartAsync(
        string key, string uploadId, int partNumber, Func<HttpContent> body, int attempts, CancellationToken ct)
    {
        var url = $"{ObjectUrl(key)}?partNumber={partNumber}&uploadId={SigV4Signer.UriEncode(uploadId)}";
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Put, url) { Content = body() }, ct, attempts);
        return response.Headers.TryGetValues("ETag", out var etag) ? etag.First()
            : throw new StorageFailedException($"part {partNumber} of {key}: the store returned no ETag");
    }

    private string ObjectUrl(string key) => _objectBase + SigV4Signer.UriEncode(key, keepSlash: true);

    private static ReadOnlyMemoryContent Body(ReadOnlyMemory<byte> body, string? contentType)
    {
        var content = new ReadOnlyMemoryContent(body);
        if (contentType is not null) content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> build, CancellationToken ct, int attempts = Attempts)
    {
        for (var attempt = 1; ; attempt++)
        {
            ct.ThrowIfCancellationRequested();
            using var request = build();
            using var stalled = CancellationTokenSource.CreateLinkedTokenSource(ct);
            stalled.CancelAfter(_stallTimeout);
            if (request.Content is StreamedBodyContent streamed) streamed.WaitingOnStore = waiting => Rearm(stalled, waiting);
            HttpResponseMessage response;
            try
            {
                _signer.Sign(request, await _credentials.Value.GetCredentialsAsync(), clock.GetUtcNow().UtcDateTime, SigV4Signer.UnsignedPayload);
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stalled.Token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                ct.ThrowIfCancellationRequested(); // a failure that the caller's cancellation caused is that cancellation
                // the client's error, not the store's; a cancelled read of the source is the stall timer's doing
                if (request.Content is StreamedBodyContent { SourceError: { } sourceError } && sourceError is not OperationCanceledException)
                    ExceptionDispatchInfo.Throw(sourceError);
                if (attempt < attempts && ex is HttpRequestException) { await BackOffAsync(attempt, ct); continue; }
                throw new StorageFailedException(ex is OperationCanceledException ? "the object store did not answer in time" : ex.Message, ex);
            }
            if (response.IsSuccessStatusCode) return response;
            using (response)
            {
                // Keys are new and random: a conditional PUT refused on a later attempt found the object that an
                // earlier attempt stored before its answer was lost.
                if (attempt > 1 && response.StatusCode == HttpStatusCode.PreconditionFailed && request.Headers.IfNoneMatch.Count > 0)
                    return new HttpResponseMessage(HttpStatusCode.OK);
                if (attempt < attempts && IsTransient(response.StatusCode)) { await BackOffAsync(attempt, ct); continue; }
                throw new StorageFailedException(await ErrorReasonAsync(response, stalled.Token, ct));
            }
        }
    }

    private void Rearm(CancellationTokenSource stalled, bool waitingOnStore)
    {
        try
        {
            stalled.CancelAfter(waitingOnStore ? _stallTimeout : Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // the store answered before the body was sent (a refusal): the content may still be finishing its write
        }
    }

    private static bool IsTransient(HttpStatusCode status) => (int)status >= 500 && status != HttpStatusCode.NotImplemented;

    private static Task BackOffAsync(int attempt, CancellationToken ct) => Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), ct);

    /// <summary>The reason as <see cref="S3Errors"/> gives it for the SDK: <c>Code: Message</c> from the S3 error body.</summary>
    private static async Task<string> ErrorReasonAsync(HttpResponseMessage response, CancellationToken stalled, CancellationToken ct)
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(stalled);
            var buffer = new byte[MaxErrorBodyBytes];
            var length = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, stalled);
            var error = XDocument.Parse(Encoding.UTF8.GetString(buffer, 0, length)).Root;
            var code = error?.Element("Code")?.Value;
            if (!string.IsNullOrEmpty(code)) return $"{code}: {error!.Element("Message")?.Value ?? response.ReasonPhrase}";
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            // no S3 error body, or the store stalled while sending it: the status is the reason
        }
        return $"{(int)response.StatusCode} {response.ReasonPhrase}";
    }
}
