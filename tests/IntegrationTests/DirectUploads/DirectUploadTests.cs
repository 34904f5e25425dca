using System.Net;
using System.Text.Json.Nodes;
using AssetManager.IntegrationTests.Fixtures;
using AssetManager.IntegrationTests.Uploads;
using static AssetManager.IntegrationTests.DirectUploads.DirectUploadKit;

namespace AssetManager.IntegrationTests.DirectUploads;

/// <summary>
/// A direct upload in one presigned PUT against moto: the URL and the headers to send, the checks made before anything
/// is signed, the completion's checks (what is not right is deleted), who may complete, and that nothing is ever
/// overwritten through the URL.
/// </summary>
public sealed class DirectUploadTests(DirectS3ServiceFixture fx) : IClassFixture<DirectS3ServiceFixture>
{
    [Fact]
    public async Task A_file_put_to_the_presigned_url_becomes_a_public_asset_once_completed()
    {
        var (client, box) = await fx.NewBoxAsync();
        var bytes = SampleFiles.Png(200_000);
        var asked = DateTime.UtcNow;

        var target = await client.StartAsync(box, "Shot 1.png", bytes.Length);

        Assert.Equal(["upload_id", "url", "method", "headers", "expires_at"], target.Select(p => p.Key));
        Assert.Matches("^[0-9a-f]{32}$", (string)target["upload_id"]!);
        Assert.Equal("PUT", (string)target["method"]!);
        Assert.StartsWith($"{fx.Moto.Endpoint}/{fx.Bucket}/uploads/", (string)target["url"]!);
        Assert.Equal(new Dictionary<string, string> { ["Content-Type"] = "image/png", ["Cache-Control"] = "max-age=86400", ["If-None-Match"] = "*" },
            HeadersOf(target).ToDictionary());
        Assert.InRange(DateTime.Parse((string)target["expires_at"]!).ToUniversalTime(), asked.AddMinutes(14), asked.AddMinutes(16));
        // the announced size is signed in as Content-Length, which the client sends by itself: a store that checks
        // signatures (RGW, S3; moto does not) refuses any other size (bench/: DirectUploadCheck, 403)
        Assert.Equal("cache-control;content-length;content-type;host;if-none-match",
            System.Web.HttpUtility.ParseQueryString(new Uri((string)target["url"]!).Query)["X-Amz-SignedHeaders"]);

        Assert.Equal(HttpStatusCode.OK, await PutAsync(target, bytes));
        var key = KeyOf(fx, target);
        Assert.False(await IsPublicAsync(fx.S3, fx.Bucket, key), "nothing is public before the service has checked it");

        using var completed = await client.CompleteAsync(box, new { upload_id = (string)target["upload_id"]!, prompt_text = "Harbour", seed = 7 });
        var asset = await BodyAsync(completed, HttpStatusCode.Created);

        Assert.Equal($"/api/assets/{(int)asset["id"]!}/", completed.Headers.Location?.ToString());
        Assert.Equal(Api.AssetFieldOrder.Concat(Api.AddedAssetFields), asset.Select(p => p.Key));
        Assert.Equal(key, fx.KeyOf(asset));
        Assert.Matches(Api.UploadKey, key);
        Assert.Equal("Harbour", (string)asset["prompt_text"]!);
        Assert.Equal(7, (long)asset["seed"]!);
        Assert.Equal(bytes.Length, (long)asset["file_size"]!);
        Assert.True(await IsPublicAsync(fx.S3, fx.Bucket, key));
        var head = await fx.S3.GetObjectMetadataAsync(fx.Bucket, key);
        Assert.Equal("image/png", head.Headers.ContentType);
        Assert.Equal("max-age=86400", head.Headers.CacheControl);
        Assert.Equal(bytes, await Bucketing.ReadAsync(fx.S3, fx.Bucket, key));

        // the checksum comes from one read of the object by the renditions job
        var checksum = (string)(await WithChecksumAsync(client.Http, (int)asset["id"]!))["checksum_sha256"]!;
        Assert.Equal(Api.Sha256(bytes).ToLowerInvariant(), checksum);
        var found = JsonNode.Parse(await client.Http.GetStringAsync($"/api/assets/?checksum={checksum}"))!;
        Assert.Equal((int)asset["id"]!, (int)found["results"]![0]!["id"]!);
    }

    [Fact]
    public async Task The_url_never_overwrites_and_a_used_upload_id_is_404()
    {
        var (client, box) = await fx.NewBoxAsync();
        var bytes = SampleFiles.Png(4000);
        var target = await client.StartAsync(box, "a.png", bytes.Length);
        Assert.Equal(HttpStatusCode.OK, await PutAsync(target, bytes));
        var asset = await BodyAsync(await client.CompleteAsync(box, new { upload_id = (string)target["upload_id"]! }), HttpStatusCode.Created);

        var again = await PutAsync(target, SampleFiles.Zip(4000));
        using var reused = await client.CompleteAsync(box, new { upload_id = (string)target["upload_id"]! });

        Assert.Equal(HttpStatusCode.PreconditionFailed, again);
        Assert.Equal(bytes, await Bucketing.ReadAsync(fx.S3, fx.Bucket, fx.KeyOf(asset)));
        await Api.AssertJsonAsync(reused, HttpStatusCode.NotFound, Api.NotFound);
        Assert.Equal(1, Db.CountAssets(fx.Factory, box));
    }

    [Fact]
    public async Task Someone_elses_attempt_is_404_and_leaves_the_upload_to_its_owner()
    {
        var (client, box) = await fx.NewBoxAsync();
        var intruder = await ApiClient.RegisterAsync(fx.Factory);
        var intrudersBox = await intruder.CreateBoxAsync();
        var ownersOtherBox = await client.CreateBoxAsync();
        var target = await client.StartAsync(box, "a.png", 2048);
        Assert.Equal(HttpStatusCode.OK, await PutAsync(target, SampleFiles.Png()));
        var id = (string)target["upload_id"]!;

        using var viaOwnersBox = await intruder.CompleteAsync(box, new { upload_id = id });
        using var viaOwnBox = await intruder.CompleteAsync(intrudersBox, new { upload_id = id });
        using var listed = await intruder.ListPartsAsync(intrudersBox, id);
        using var wrongBox = await client.CompleteAsync(ownersOtherBox, new { upload_id = id });
        using var unknown = await client.CompleteAsync(box, new { upload_id = Guid.NewGuid().ToString("N") });

        foreach (var response in new[] { viaOwnersBox, viaOwnBox, listed, wrongBox, unknown })
            await Api.AssertJsonAsync(response, HttpStatusCode.NotFound, Api.NotFound);
        await BodyAsync(await client.CompleteAsync(box, new { upload_id = id }), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Completing_before_the_put_is_400_and_the_upload_stays_usable()
    {
        var (client, box) = await fx.NewBoxAsync();
        var target = await client.StartAsync(box, "a.png", 2048);
        var id = (string)target["upload_id"]!;

        using var early = await client.CompleteAsync(box, new { upload_id = id });
        await Api.AssertJsonAsync(early, HttpStatusCode.BadRequest, Api.Error("The file has not been uploaded yet"));

        Assert.Equal(HttpStatusCode.OK, await PutAsync(target, SampleFiles.Png()));
        await BodyAsync(await client.CompleteAsync(box, new { upload_id = id }), HttpStatusCode.Created);
    }

    public static TheoryData<string, byte[], long, string?, string> Mismatches => new()
    {
        { "fake.png", SampleFiles.Zip(2048), 2048, null, "File content does not match its extension" },
        { "short.png", SampleFiles.Png(2048), 3000, null, "The stored file has 2048 bytes, not the 3000 announced" },
        { "bare.png", SampleFiles.Png(2048), 2048, "image/png", "The stored file was not sent with the headers its upload was given" },
    };

    [Theory]
    [MemberData(nameof(Mismatches))]
    public async Task An_object_that_does_not_agree_is_deleted_and_uses_the_upload_up(
        string filename, byte[] bytes, long announced, string? onlyContentType, string error)
    {
        var (client, box) = await fx.NewBoxAsync();
        var target = await client.StartAsync(box, filename, announced);
        var headers = onlyContentType is null ? null : new[] { KeyValuePair.Create("Content-Type", onlyContentType) };
        Assert.Equal(HttpStatusCode.OK, await PutAsync(target, bytes, headers));
        var id = (string)target["upload_id"]!;

        using var refused = await client.CompleteAsync(box, new { upload_id = id });
        using var again = await client.CompleteAsync(box, new { upload_id = id });

        await Api.AssertJsonAsync(refused, HttpStatusCode.BadRequest, Api.Error(error));
        await Api.AssertJsonAsync(again, HttpStatusCode.NotFound, Api.NotFound);
        Assert.False(await Bucketing.ExistsAsync(fx.S3, fx.Bucket, KeyOf(fx, target)));
        Assert.Equal(0, Db.CountAssets(fx.Factory, box));
    }

    [Fact]
    public async Task The_uploads_checks_come_before_anything_is_signed()
    {
        var (client, box) = await fx.NewBoxAsync();
        var uploadsBefore = Db.Scalar(fx.Factory, """SELECT COUNT(*) FROM "DirectUploads" """);

        using var empty = await client.RequestAsync(box, new { filename = "a.png", size = 0 });
        using var exe = await client.RequestAsync(box, new { filename = "setup.exe", size = 10 });
        using var tooLarge = await client.RequestAsync(box, new { filename = "huge.mov", size = DirectS3ServiceFixture.MaxFileBytes + 1 });
        using var missing = await client.RequestAsync(box, new { content_type = "image/png" });
        using var negative = await client.RequestAsync(box, new { filename = "a.png", size = -1 });

        await Api.AssertJsonAsync(empty, HttpStatusCode.BadRequest, Api.Error("File is empty"));
        await Api.AssertJsonAsync(exe, HttpStatusCode.BadRequest, Api.Error($"Unsupported file type '.exe'. Allowed: {Api.AllowedList}"));
        await Api.AssertJsonAsync(tooLarge, HttpStatusCode.RequestEntityTooLarge,
            Api.Error($"File too large. Maximum size is {DirectS3ServiceFixture.MaxFileBytes} bytes."));
        await Api.AssertJsonAsync(missing, HttpStatusCode.BadRequest, """{"filename": ["This field is required."], "size": ["This field is required."]}""");
        await Api.AssertJsonAsync(negative, HttpStatusCode.BadRequest, Api.FieldError("size", "Ensure this value is greater than or equal to 0."));
        Assert.Equal(uploadsBefore, Db.Scalar(fx.Factory, """SELECT COUNT(*) FROM "DirectUploads" """));
        Assert.DoesNotContain(await fx.IncompleteUploadsAsync(), u => u.Key!.EndsWith(".mov"));
    }

    [Fact]
    public async Task An_svg_is_to_be_sent_as_an_attachment()
    {
        var (client, box) = await fx.NewBoxAsync();
        var svg = SampleFiles.Svg();

        var target = await client.StartAsync(box, "logo.svg", svg.Length);
        Assert.Equal("attachment", HeadersOf(target).ToDictionary()["Content-Disposition"]);
        Assert.Equal(HttpStatusCode.OK, await PutAsync(target, svg));
        var asset = await BodyAsync(await client.CompleteAsync(box, new { upload_id = (string)target["upload_id"]! }), HttpStatusCode.Created);

        var head = await fx.S3.GetObjectMetadataAsync(fx.Bucket, fx.KeyOf(asset));
        Assert.Equal("attachment", head.Headers.ContentDisposition);
        Assert.Equal("image/svg+xml", head.Headers.ContentType);
    }

    [Fact]
    public async Task A_field_error_on_completion_leaves_the_upload_usable()
    {
        var (client, box) = await fx.NewBoxAsync();
        var target = await client.StartAsync(box, "a.png", 2048);
        Assert.Equal(HttpStatusCode.OK, await PutAsync(target, SampleFiles.Png()));
        var id = (string)target["upload_id"]!;

        using var refused = await client.CompleteAsync(box, new { upload_id = id, ai_model = 999 });
        using var noId = await client.CompleteAsync(box, new { prompt_text = "x" });
        await Api.AssertJsonAsync(refused, HttpStatusCode.BadRequest, Api.FieldError("ai_model", "Invalid pk \"999\" - object does not exist."));
        await Api.AssertJsonAsync(noId, HttpStatusCode.BadRequest, Api.FieldError("upload_id", "This field is required."));

        var asset = await BodyAsync(await client.CompleteAsync(box, new { upload_id = id, ai_model = 1 }), HttpStatusCode.Created);
        Assert.Equal(1, (int)asset["ai_model"]!);
    }

    [Fact]
    public async Task Someone_elses_box_is_404_for_every_route()
    {
        var (_, box) = await fx.NewBoxAsync();
        var intruder = await ApiClient.RegisterAsync(fx.Factory);

        using var asked = await intruder.RequestAsync(box, new { filename = "a.png", size = 10 });
        using var listed = await intruder.ListPartsAsync(box, Guid.NewGuid().ToString("N"));
        using var completed = await intruder.CompleteAsync(box, new { });

        foreach (var response in new[] { asked, listed, completed })
            await Api.AssertJsonAsync(response, HttpStatusCode.NotFound, Api.NotFound);
    }
}
