using System.Net;
using System.Text;
using Amazon.Runtime;
using AssetManager.Domain.Common;
using AssetManager.Infrastructure.Storage;
using AssetManager.UnitTests.TestSupport;

namespace AssetManager.UnitTests.Infrastructure;

public sealed class S3BodySenderTests
{
    private static readonly byte[] Body = Encoding.ASCII.GetBytes("0123456789");

    private sealed record Seen(HttpMethod Method, Uri Uri, Dictionary<string, string> Headers, byte[] Body);

    /// <summary>Answers each request with the next scripted response (or throws the next scripted exception).</summary>
    private sealed class ScriptedHandler(params Func<HttpResponseMessage>[] script) : HttpMessageHandler
    {
        public List<Seen> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            _ = request.Content?.Headers.ContentLength; // computed on first use, as the real handler does
            var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
                .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value));
            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(ct);
            Requests.Add(new Seen(request.Method, request.RequestUri!, headers, body));
            return script[Math.Min(Requests.Count, script.Length) - 1]();
        }
    }

    private static HttpResponseMessage Ok(string? etag = null)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK);
        if (etag is not null) response.Headers.TryAddWithoutValidation("ETag", etag);
        return response;
    }

    private static HttpResponseMessage Error(HttpStatusCode status, string code, string message) =>
        new(status) { Content = new StringContent($"<?xml version=\"1.0\"?><Error><Code>{code}</Code><Message>{message}</Message></Error>") };

    private static (S3BodySender Sender, ScriptedHandler Handler) Create(string acl = "public-read", params Func<HttpResponseMessage>[] script)
    {
        var handler = new ScriptedHandler(script.Length > 0 ? script : [() => Ok("\"etag\"")]);
        return (Sender(handler, acl), handler);
    }

    private static S3BodySender Sender(HttpMessageHandler handler, string acl = "public-read", TimeSpan? stallTimeout = null)
    {
        var options = new StorageOptions
        {
            BucketName = "media", EndpointUrl = "http://127.0.0.1:9000", Region = "us-east-1", DefaultAcl = acl,
        };
        return new S3BodySender(new HttpClient(handler), new BasicAWSCredentials("AKID", "SECRET"), options, S3ClientFactory.ObjectBaseUrl(S3ClientFactory.Create(options), options.BucketName!), new FixedClock(), stallTimeout);
    }

    [Fact]
    public async Task Put_object_sends_the_bytes_with_the_contracts_headers_signed_over_an_unsigned_payload()
    {
        var (sender, handler) = Create();

        await sender.PutObjectAsync("uploads/ab12.jpg", Body, "image/jpeg", CancellationToken.None);

        var put = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Put, put.Method);
        Assert.Equal("http://127.0.0.1:9000/media/uploads/ab12.jpg", put.Uri.ToString());
        Assert.Equal(Body, put.Body);
        Assert.Equal("image/jpeg", put.Headers["content-type"]);
        Assert.Equal("max-age=86400", put.Headers["cache-control"]);
        Assert.Equal("*", put.Headers["if-none-match"]);
        Assert.Equal("public-read", put.Headers["x-amz-acl"]);
        Assert.Equal("UNSIGNED-PAYLOAD", put.Headers["x-amz-content-sha256"]);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKID/20260208/us-east-1/s3/aws4_request, " +
                          "SignedHeaders=cache-control;content-type;host;if-none-match;x-amz-acl;x-amz-content-sha256;x-amz-date, Signature=",
            put.Headers["authorization"]);
    }

    [Fact]
    public async Task No_acl_header_when_acls_are_turned_off()
    {
        var (sender, handler) = Create(acl: "none");

        await sender.PutObjectAsync("uploads/ab12.jpg", Body, "image/jpeg", CancellationToken.None);

        Assert.DoesNotContain("x-amz-acl", Assert.Single(handler.Requests).Headers.Keys);
    }

    [Fact]
    public async Task Upload_part_addresses_the_part_and_returns_the_etag_as_given()
    {
        var (sender, handler) = Create(script: () => Ok("\"9b2cf535f27731c974343645a3985328\""));

        var etag = await sender.UploadPartAsync("uploads/ab12.mp4", "2~a/b+c", 3, Body, CancellationToken.None);

        Assert.Equal("\"9b2cf535f27731c974343645a3985328\"", etag);
        var part = Assert.Single(handler.Requests);
        Assert.Equal("http://127.0.0.1:9000/media/uploads/ab12.mp4?partNumber=3&uploadId=2~a%2Fb%2Bc", part.Uri.OriginalString);
        Assert.Equal(Body, part.Body);
    }

    [Fact]
    public async Task A_refusal_is_reported_with_the_stores_code_and_not_retried()
    {
        var (sender, handler) = Create(script: () => Error(HttpStatusCode.Forbidden, "AccessDenied", "Access Denied"));

        var error = await Assert.ThrowsAsync<StorageFailedException>(
            () => sender.PutObjectAsync("uploads/ab12.jpg", Body, "image/jpeg", CancellationToken.None));

        Assert.Equal("AccessDenied: Access Denied", error.Reason);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_server_error_is_retried_and_a_later_success_is_enough()
    {
        var (sender, handler) = Create(script: [() => Error(HttpStatusCode.ServiceUnavailable, "SlowDown", "Reduce your request rate"), () => Ok("\"e\"")]);

        var etag = await sender.UploadPartAsync("uploads/ab12.mp4", "u", 1, Body, CancellationToken.None);

        Assert.Equal("\"e\"", etag);
        Assert.Equal(2, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Equal(Body, r.Body));
    }

    [Fact]
    public async Task Server_errors_give_up_after_the_last_attempt()
    {
        var (sender, handler) = Create(script: () => Error(HttpStatusCode.InternalServerError, "InternalError", "We encountered an internal error"));

        var error = await Assert.ThrowsAsync<StorageFailedException>(
            () => sender.PutObjectAsync("uploads/ab12.jpg", Body, "image/jpeg", CancellationToken.None));

        Assert.Equal("InternalError: We encountered an internal error", error.Reason);
        Assert.Equal(S3BodySender.Attempts, handler.Requests.Count);
    }

    [Fact]
    public async Task A_connection_failure_is_retried_then_reported()
    {
        var (sender, handler) = Create(script: () => throw new HttpRequestException("Connection refused (127.0.0.1:9000)"));

        var error = await Assert.ThrowsAsync<StorageFailedException>(
            () => sender.PutObjectAsync("uploads/ab12.jpg", Body, "image/jpeg", CancellationToken.None));

        Assert.Contains("Connection refused", error.Reason);
        Assert.Equal(S3BodySender.Attempts, handler.Requests.Count);
    }

    [Fact]
    public async Task A_cancelled_upload_is_cancelled_not_a_storage_failure()
    {
        var (sender, _) = Create();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => sender.PutObjectAsync("uploads/ab12.jpg", Body, "image/jpeg", cancelled.Token));
    }

    [Fact]
    public async Task A_conditional_put_refused_after_a_lost_answer_found_its_own_object()
    {
        var (sender, handler) = Create(script: [() => throw new HttpRequestException("Connection reset by peer"),
            () => Error(HttpStatusCode.PreconditionFailed, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold")]);

        await sender.PutObjectAsync("uploads/ab12.jpg", Body, "image/jpeg", CancellationToken.None);

        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_conditional_put_refused_at_once_is_a_failure()
    {
        var (sender, _) = Create(script: () => Error(HttpStatusCode.PreconditionFailed, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold"));

        var error = await Assert.ThrowsAsync<StorageFailedException>(
            () => sender.PutObjectAsync("uploads/ab12.jpg", Body, "image/jpeg", CancellationToken.None));

        Assert.StartsWith("PreconditionFailed:", error.Reason);
    }

    [Fact]
    public async Task Not_implemented_is_not_retried()
    {
        var (sender, handler) = Create(script: () => Error(HttpStatusCode.NotImplemented, "NotImplemented", "A header you provided implies functionality that is not implemented"));

        await Assert.ThrowsAsync<StorageFailedException>(
            () => sender.PutObjectAsync("uploads/ab12.jpg", Body, "image/jpeg", CancellationToken.None));

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_streamed_part_sends_exactly_its_share_of_the_source_and_leaves_the_rest()
    {
        var (sender, handler) = Create(script: () => Ok("\"e\""));
        var source = new MemoryStream(Body);
        var content = new StreamedBodyContent(source, 6);

        var etag = await sender.UploadPartAsync("uploads/ab12.mp4", "u", 1, content, CancellationToken.None);

        Assert.Equal("\"e\"", etag);
        var part = Assert.Single(handler.Requests);
        Assert.Equal("6", part.Headers["content-length"]);
        Assert.Equal("012345"u8.ToArray(), part.Body);
        Assert.True(content.SourceDone.IsCompletedSuccessfully);
        Assert.Equal(6, source.Position);
    }

    [Fact]
    public async Task A_streamed_part_is_sent_once_even_after_a_server_error()
    {
        var (sender, handler) = Create(script: () => Error(HttpStatusCode.ServiceUnavailable, "SlowDown", "Reduce your request rate"));

        var error = await Assert.ThrowsAsync<StorageFailedException>(() => sender.UploadPartAsync(
            "uploads/ab12.mp4", "u", 1, new StreamedBodyContent(new MemoryStream(Body), Body.Length), CancellationToken.None));

        Assert.Equal("SlowDown: Reduce your request rate", error.Reason);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task An_error_reading_the_source_of_a_streamed_part_is_the_sources_not_the_stores()
    {
        var (sender, _) = Create();
        var refused = new UploadRejectedException("The form's parts after the file are larger than 4259840 bytes");
        var source = new FailingStream(refused);
        var content = new StreamedBodyContent(source, 1024);

        var error = await Assert.ThrowsAsync<UploadRejectedException>(
            () => sender.UploadPartAsync("uploads/ab12.mp4", "u", 1, content, CancellationToken.None));

        Assert.Same(refused, error);
        Assert.Same(refused, content.SourceError);
        Assert.True(content.SourceDone.IsCompleted);
        Assert.Equal(1, source.Reads); // not sent again
    }

    [Fact]
    public async Task A_source_that_ends_before_its_share_fails_the_part()
    {
        var (sender, _) = Create();
        var content = new StreamedBodyContent(new MemoryStream(Body), Body.Length + 1);

        await Assert.ThrowsAsync<EndOfStreamException>(
            () => sender.UploadPartAsync("uploads/ab12.mp4", "u", 1, content, CancellationToken.None));
    }

    [Fact]
    public async Task A_streamed_part_may_outlast_the_stall_timeout_while_the_client_sends_slowly()
    {
        var handler = new ScriptedHandler(() => Ok("\"e\""));
        var sender = Sender(handler, stallTimeout: TimeSpan.FromMilliseconds(150));
        var content = new StreamedBodyContent(new SlowStream(Body, TimeSpan.FromMilliseconds(80)), Body.Length);

        var etag = await sender.UploadPartAsync("uploads/ab12.mp4", "u", 1, content, CancellationToken.None);

        Assert.Equal("\"e\"", etag);
        Assert.Equal(Body, Assert.Single(handler.Requests).Body); // ten reads of 80 ms: 800 ms in all
    }

    [Fact]
    public async Task A_store_that_keeps_a_request_waiting_past_the_stall_timeout_fails_it()
    {
        var sender = Sender(new SilentHandler(), stallTimeout: TimeSpan.FromMilliseconds(100));

        var error = await Assert.ThrowsAsync<StorageFailedException>(
            () => sender.PutObjectAsync("uploads/ab12.jpg", Body, "image/jpeg", CancellationToken.None));

        Assert.Equal("the object store did not answer in time", error.Reason);
    }

    [Fact]
    public async Task A_read_of_the_source_cancelled_by_the_stall_timer_is_the_stores_timeout_not_the_clients_error()
    {
        var (sender, _) = Create();
        var content = new StreamedBodyContent(new FailingStream(new OperationCanceledException()), 1024);

        var error = await Assert.ThrowsAsync<StorageFailedException>(
            () => sender.UploadPartAsync("uploads/ab12.mp4", "u", 1, content, CancellationToken.None));

        Assert.Equal("the object store did not answer in time", error.Reason);
    }

    /// <summary>Never answers.</summary>
    private sealed class SilentHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        }
    }

    /// <summary>One byte per read, each after a pause.</summary>
    private sealed class SlowStream(byte[] bytes, TimeSpan pause) : MemoryStream(bytes)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(pause, cancellationToken);
            return await base.ReadAsync(buffer[..Math.Min(1, buffer.Length)], cancellationToken);
        }
    }

    private sealed class FailingStream(Exception error) : MemoryStream
    {
        public int Reads { get; private set; }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Reads++;
            return ValueTask.FromException<int>(error);
        }
    }
}
