using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using AssetManager.Domain.Common;
using AssetManager.Infrastructure.Storage;
using AssetManager.UnitTests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace AssetManager.UnitTests.Infrastructure;

/// <summary>A file whose length the form vouches for: part 1 streamed, the rest buffered (docs/adr/0003).</summary>
public sealed class S3StreamedUploadTests
{
    private const int MiB = 1024 * 1024;
    private readonly IAmazonS3 _s3 = Substitute.For<IAmazonS3>();
    private readonly PartHandler _store = new();
    private readonly StorageOptions _options = new() { BucketName = "media", EndpointUrl = "http://127.0.0.1:9000", Region = "us-east-1" };

    public S3StreamedUploadTests()
    {
        _s3.InitiateMultipartUploadAsync(Arg.Any<InitiateMultipartUploadRequest>(), Arg.Any<CancellationToken>())
            .Returns(new InitiateMultipartUploadResponse { UploadId = "upload-1" });
        _s3.CompleteMultipartUploadAsync(Arg.Any<CompleteMultipartUploadRequest>(), Arg.Any<CancellationToken>())
            .Returns(new CompleteMultipartUploadResponse());
    }

    /// <summary>Keeps each part's number and length; answers with the next status of its script.</summary>
    private sealed class PartHandler : HttpMessageHandler
    {
        public Queue<HttpStatusCode> Script { get; } = new();
        public List<(int Part, long Length)> Parts { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var body = await request.Content!.ReadAsByteArrayAsync(ct);
            var part = int.Parse(request.RequestUri!.Query.Split('&')[0].Split('=')[1]);
            lock (Parts) Parts.Add((part, body.LongLength));
            var status = Script.TryDequeue(out var scripted) ? scripted : HttpStatusCode.OK;
            var response = new HttpResponseMessage(status);
            response.Headers.TryAddWithoutValidation("ETag", $"\"etag-{part}\"");
            return response;
        }
    }

    private S3ObjectStorage Storage(StorageOptions? options = null)
    {
        options ??= _options;
        var objectBase = S3ClientFactory.ObjectBaseUrl(S3ClientFactory.Create(options), options.BucketName!);
        var sender = new S3BodySender(new HttpClient(_store), new BasicAWSCredentials("AKID", "SECRET"), options, objectBase, new FixedClock());
        return new(_s3, sender, new StorageBucket(_s3, options, NullLogger<StorageBucket>.Instance), options, NullLogger<S3ObjectStorage>.Instance);
    }

    [Fact]
    public async Task Part_one_is_the_vouched_length_and_the_rest_follows_as_part_two()
    {
        var file = new MemoryStream(new byte[9 * MiB]);

        await Storage().PutAsync("uploads/a.mp4", file, "video/mp4", lengthAtLeast: 6 * MiB, CancellationToken.None);

        Assert.Equal([(1, 6L * MiB), (2, 3L * MiB)], _store.Parts.OrderBy(p => p.Part));
        await _s3.Received(1).CompleteMultipartUploadAsync(
            Arg.Is<CompleteMultipartUploadRequest>(r => r.UploadId == "upload-1"
                && r.PartETags!.Select(p => p.PartNumber).SequenceEqual(new int?[] { 1, 2 })
                && r.PartETags!.Select(p => p.ETag).SequenceEqual(new[] { "\"etag-1\"", "\"etag-2\"" })),
            Arg.Any<CancellationToken>());
        await _s3.DidNotReceiveWithAnyArgs().AbortMultipartUploadAsync(default!, default!, default!, default);
    }

    [Fact]
    public async Task A_file_of_exactly_the_vouched_length_is_one_part()
    {
        await Storage().PutAsync("uploads/a.mp4", new MemoryStream(new byte[6 * MiB]), "video/mp4", 6 * MiB, CancellationToken.None);

        Assert.Equal([(1, 6L * MiB)], _store.Parts);
        await _s3.Received(1).CompleteMultipartUploadAsync(Arg.Any<CompleteMultipartUploadRequest>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_failed_streamed_part_is_not_sent_again_and_the_upload_is_aborted()
    {
        _store.Script.Enqueue(HttpStatusCode.InternalServerError);

        await Assert.ThrowsAsync<StorageFailedException>(() => Storage().PutAsync(
            "uploads/a.mp4", new MemoryStream(new byte[9 * MiB]), "video/mp4", 6 * MiB, CancellationToken.None));

        Assert.Single(_store.Parts, p => p.Part == 1);
        await _s3.Received(1).AbortMultipartUploadAsync("media", "uploads/a.mp4", "upload-1", Arg.Any<CancellationToken>());
        await _s3.DidNotReceiveWithAnyArgs().CompleteMultipartUploadAsync(default!, default);
    }

    [Fact]
    public async Task With_streaming_turned_off_the_vouched_length_is_ignored()
    {
        await Storage(_options with { StreamFirstPart = false }).PutAsync("uploads/a.mp4", new MemoryStream(new byte[9 * MiB]), "video/mp4", 6 * MiB, CancellationToken.None);

        Assert.Equal([(1, 5L * MiB), (2, 4L * MiB)], _store.Parts.OrderBy(p => p.Part));
    }
}
