using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AssetManager.IntegrationTests.Fixtures;
using AssetManager.IntegrationTests.Uploads;
using static AssetManager.IntegrationTests.DirectUploads.DirectUploadKit;

namespace AssetManager.IntegrationTests.DirectUploads;

/// <summary>
/// A large file as a direct multipart upload against moto: every part presigned, a connection lost in the middle of a
/// part, the parts S3 holds listed, only the missing part sent again, and the upload completed into an asset whose
/// bytes are the file's.
/// </summary>
public sealed class ResumableDirectUploadTests(DirectS3ServiceFixture fx) : IClassFixture<DirectS3ServiceFixture>
{
    private const int FileSize = 2 * DirectS3ServiceFixture.PartSize + 1_500_000; // three parts, the last one short

    [Fact]
    public async Task An_interrupted_upload_is_resumed_with_only_the_missing_part_and_completed()
    {
        var (client, box) = await fx.NewBoxAsync();
        var file = LargePng(FileSize);

        var target = await client.StartAsync(box, "master.png", file.Length);

        Assert.Equal(["upload_id", "part_size", "parts", "expires_at"], target.Select(p => p.Key));
        Assert.Equal(DirectS3ServiceFixture.PartSize, (int)target["part_size"]!);
        Assert.Equal([1, 2, 3], target["parts"]!.AsArray().Select(p => (int)p!["part_number"]!));
        Assert.All(target["parts"]!.AsArray(), p => Assert.Equal("content-length;host",
            System.Web.HttpUtility.ParseQueryString(new Uri((string)p!["url"]!).Query)["X-Amz-SignedHeaders"]));
        var key = KeyOf(fx, target);
        Assert.Contains(await fx.IncompleteUploadsAsync(), u => u.Key == key);

        var etag1 = await PutPartAsync(target, file, 1);
        var etag3 = await PutPartAsync(target, file, 3);
        await Assert.ThrowsAnyAsync<Exception>(() => PutPartCutShortAsync(target, file, 2)); // the connection is lost mid-part

        var id = (string)target["upload_id"]!;
        var held = await BodyAsync(await client.ListPartsAsync(box, id), HttpStatusCode.OK);
        Assert.Equal(id, (string)held["upload_id"]!);
        Assert.Equal(DirectS3ServiceFixture.PartSize, (int)held["part_size"]!);
        Assert.Equal([(1, etag1, (long)DirectS3ServiceFixture.PartSize), (3, etag3, 1_500_000L)],
            held["parts"]!.AsArray().Select(p => ((int)p!["part_number"]!, (string)p["etag"]!, (long)p["size"]!)));

        var etag2 = await PutPartAsync(target, file, 2);
        using var completed = await client.CompleteAsync(box, new
        {
            upload_id = id,
            parts = new[] { new { part_number = 1, etag = etag1 }, new { part_number = 2, etag = etag2 }, new { part_number = 3, etag = etag3 } },
            prompt_text = "Master",
        });
        var asset = await BodyAsync(completed, HttpStatusCode.Created);

        Assert.Equal(key, fx.KeyOf(asset));
        Assert.Equal(FileSize, (long)asset["file_size"]!);
        Assert.Equal("Master", (string)asset["prompt_text"]!);
        Assert.Equal(Api.Sha256(file), Api.Sha256(await Bucketing.ReadAsync(fx.S3, fx.Bucket, key)));
        Assert.DoesNotContain(await fx.IncompleteUploadsAsync(), u => u.Key == key);
        Assert.True(await IsPublicAsync(fx.S3, fx.Bucket, key));
        Assert.Equal("max-age=86400", (await fx.S3.GetObjectMetadataAsync(fx.Bucket, key)).Headers.CacheControl);
        var checksum = (string)(await WithChecksumAsync(client.Http, (int)asset["id"]!))["checksum_sha256"]!;
        Assert.Equal(Api.Sha256(file).ToLowerInvariant(), checksum);
        await Api.AssertJsonAsync(await client.ListPartsAsync(box, id), HttpStatusCode.NotFound, Api.NotFound);
    }

    [Fact]
    public async Task Without_a_parts_list_the_service_completes_with_the_parts_s3_holds()
    {
        var (client, box) = await fx.NewBoxAsync();
        var file = LargePng(FileSize);
        var target = await client.StartAsync(box, "master.png", file.Length);
        for (var part = 1; part <= 3; part++) await PutPartAsync(target, file, part);

        var asset = await BodyAsync(await client.CompleteAsync(box, new { upload_id = (string)target["upload_id"]! }), HttpStatusCode.Created);

        Assert.Equal(Api.Sha256(file), Api.Sha256(await Bucketing.ReadAsync(fx.S3, fx.Bucket, fx.KeyOf(asset))));
    }

    [Fact]
    public async Task Completed_before_every_part_is_there_it_is_400_not_uploaded_yet_and_the_upload_resumes()
    {
        var (client, box) = await fx.NewBoxAsync();
        var file = LargePng(FileSize);
        var target = await client.StartAsync(box, "master.png", file.Length);
        var id = (string)target["upload_id"]!;
        var etag1 = await PutPartAsync(target, file, 1);
        var etag2 = await PutPartAsync(target, file, 2);

        await Api.AssertJsonAsync(await client.CompleteAsync(box, new { upload_id = id }),
            HttpStatusCode.BadRequest, Api.Error("The file has not been uploaded yet"));
        await Api.AssertJsonAsync(await client.CompleteAsync(box, new
            {
                upload_id = id, parts = new[] { new { part_number = 1, etag = etag1 }, new { part_number = 2, etag = etag2 } },
            }),
            HttpStatusCode.BadRequest, Api.Error("The file has not been uploaded yet"));

        var held = await BodyAsync(await client.ListPartsAsync(box, id), HttpStatusCode.OK);
        Assert.Equal([1, 2], held["parts"]!.AsArray().Select(p => (int)p!["part_number"]!));
        await PutPartAsync(target, file, 3);
        var asset = await BodyAsync(await client.CompleteAsync(box, new { upload_id = id }), HttpStatusCode.Created);
        Assert.Equal(Api.Sha256(file), Api.Sha256(await Bucketing.ReadAsync(fx.S3, fx.Bucket, fx.KeyOf(asset))));
    }

    [Fact]
    public async Task Parts_the_store_does_not_hold_are_400_and_the_upload_stays_usable()
    {
        var (client, box) = await fx.NewBoxAsync();
        var file = LargePng(FileSize);
        var target = await client.StartAsync(box, "master.png", file.Length);
        var etags = new List<string>();
        for (var part = 1; part <= 3; part++) etags.Add(await PutPartAsync(target, file, part));
        var id = (string)target["upload_id"]!;

        using var refused = await client.CompleteAsync(box, new
        {
            upload_id = id,
            parts = new[] { new { part_number = 1, etag = etags[0] }, new { part_number = 2, etag = "\"0123456789abcdef0123456789abcdef\"" }, new { part_number = 3, etag = etags[2] } },
        });
        var error = (string)(await BodyAsync(refused, HttpStatusCode.BadRequest))["error"]!;
        Assert.StartsWith("The parts do not make up the file: InvalidPart", error);

        await BodyAsync(await client.CompleteAsync(box, new { upload_id = id }), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Before_any_part_the_completion_is_400_and_someone_else_cannot_list_the_parts()
    {
        var (client, box) = await fx.NewBoxAsync();
        var intruder = await ApiClient.RegisterAsync(fx.Factory);
        var file = LargePng(FileSize);
        var target = await client.StartAsync(box, "master.png", file.Length);
        var id = (string)target["upload_id"]!;

        using var early = await client.CompleteAsync(box, new { upload_id = id });
        using var listedByIntruder = await intruder.ListPartsAsync(box, id);

        await Api.AssertJsonAsync(early, HttpStatusCode.BadRequest, Api.Error("The file has not been uploaded yet"));
        await Api.AssertJsonAsync(listedByIntruder, HttpStatusCode.NotFound, Api.NotFound);
        var held = await BodyAsync(await client.ListPartsAsync(box, id), HttpStatusCode.OK);
        Assert.Empty(held["parts"]!.AsArray());
        for (var part = 1; part <= 3; part++) await PutPartAsync(target, file, part);
        await BodyAsync(await client.CompleteAsync(box, new { upload_id = id }), HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_parts_list_that_is_not_one_is_a_field_error()
    {
        var (client, box) = await fx.NewBoxAsync();

        using var notAList = await client.Http.PostAsJsonAsync($"/api/boxes/{box}/upload-complete/", new { upload_id = "x", parts = "all" });
        using var badItem = await client.Http.PostAsJsonAsync($"/api/boxes/{box}/upload-complete/", new { upload_id = "x", parts = new[] { new { part_number = "one" } } });
        using var twice = await client.Http.PostAsJsonAsync($"/api/boxes/{box}/upload-complete/",
            new { upload_id = "x", parts = new[] { new { part_number = 1, etag = "a" }, new { part_number = 1, etag = "b" } } });

        await Api.AssertJsonAsync(notAList, HttpStatusCode.BadRequest, Api.FieldError("parts", "Expected a list of items but got type \"str\"."));
        await Api.AssertJsonAsync(badItem, HttpStatusCode.BadRequest, Api.FieldError("parts", "Each part is {\"part_number\": integer, \"etag\": string}."));
        await Api.AssertJsonAsync(twice, HttpStatusCode.BadRequest, Api.FieldError("parts", "A part_number is given twice."));
    }

    /// <summary>Sends the first half of part <paramref name="number"/>, then fails as a dropped connection would.</summary>
    private static async Task PutPartCutShortAsync(JsonObject target, byte[] file, int number)
    {
        var partSize = (int)target["part_size"]!;
        var url = (string)target["parts"]!.AsArray().Single(p => (int)p!["part_number"]! == number)!["url"]!;
        var part = new MemoryStream(file, (number - 1) * partSize, partSize, writable: false);
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new StreamContent(new BreaksOffAfter(part, partSize / 2)) };
        request.Content.Headers.ContentLength = partSize;
        using var response = await Store.SendAsync(request);
    }

    private sealed class BreaksOffAfter(Stream inner, int bytes) : Stream
    {
        private int _sent;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _sent; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_sent >= bytes) throw new IOException("the connection was lost");
            var read = inner.Read(buffer, offset, Math.Min(count, bytes - _sent));
            _sent += read;
            return read;
        }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
