using System.Net;
using System.Text.Json.Nodes;
using AssetManager.IntegrationTests.Fixtures;

namespace AssetManager.IntegrationTests.Uploads;

/// <summary>A small file limit and a small batch limit, so the per-file 413 and the "too many files" refusal are cheap.</summary>
public sealed class BatchS3ServiceFixture : S3ServiceFixture
{
    public const int MaxFiles = 5;
    public const int MaxFileBytes = 256 * 1024;

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["MAX_UPLOAD_SIZE"] = MaxFileBytes.ToString();
        settings["Upload:MaxBatchFiles"] = MaxFiles.ToString();
    }
}

/// <summary>
/// <c>POST /api/boxes/{id}/upload/batch/</c> against moto: each file through the single upload's checks, the shared
/// fields in any order, 201 with what was stored and what was refused, 400 when nothing was, and nothing left behind
/// by a file or a batch that was refused.
/// </summary>
public sealed class BatchUploadTests(BatchS3ServiceFixture fx) : IClassFixture<BatchS3ServiceFixture>
{
    private static string Unsupported(string extension) => $"Unsupported file type '{extension}'. Allowed: {Api.AllowedList}";

    private static async Task<(HttpStatusCode Status, JsonObject Body)> SendAsync(ApiClient client, int box, UploadForm form)
    {
        using var response = await client.Http.PostAsync($"/api/boxes/{box}/upload/batch/", form.Build());
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", text);
        return (response.StatusCode, JsonNode.Parse(text)!.AsObject());
    }

    private static List<JsonObject> Created(JsonObject body) => body["created"]!.AsArray().Select(a => a!.AsObject()).ToList();

    private static List<(string Filename, string Error)> Failed(JsonObject body) =>
        body["failed"]!.AsArray().Select(f => ((string)f!["filename"]!, (string)f["error"]!)).ToList();

    [Fact]
    public async Task Files_before_the_shared_fields_all_become_assets_with_those_fields_in_order()
    {
        var (client, box) = await fx.NewBoxAsync();
        var png = SampleFiles.Png(20_000);
        var jpeg = SampleFiles.Jpeg(30_000);
        var mp4 = SampleFiles.Mp4(40_000);
        var form = new UploadForm()
            .File("one.png", png, name: "files").File("two.JPG", jpeg, name: "files").File("three.mp4", mp4, name: "files")
            .Field("prompt_text", "Harbour at dusk").Field("is_favorite", "yes").Field("ai_model", "2")
            .Field("generation_config", """{"steps": 30}""").Field("seed", "42");

        var (status, body) = await SendAsync(client, box, form);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Empty(Failed(body));
        var created = Created(body);
        Assert.Equal(["IMAGE", "IMAGE", "VIDEO"], created.Select(a => (string)a["asset_type"]!));
        foreach (var (asset, bytes) in created.Zip([png, jpeg, mp4]))
        {
            Assert.Equal(Api.AssetFieldOrder.Concat(Api.AddedAssetFields), asset.Select(p => p.Key));
            Assert.Equal(box, (int)asset["box"]!);
            Assert.Equal("Harbour at dusk", (string)asset["prompt_text"]!);
            Assert.True((bool)asset["is_favorite"]!);
            Assert.Equal(2, (int)asset["ai_model"]!);
            Assert.Equal(30, (int)asset["generation_config"]!["steps"]!);
            Assert.Equal(42, (long)asset["seed"]!);
            Assert.Equal(Api.Sha256(bytes).ToLowerInvariant(), (string)asset["checksum_sha256"]!);
            Assert.Equal(bytes.Length, (long)asset["file_size"]!);
            var key = fx.KeyOf(asset);
            Assert.Matches(Api.UploadKey, key);
            Assert.Equal(bytes, await Bucketing.ReadAsync(fx.S3, fx.Bucket, key));
        }
        Assert.Equal(3, Db.CountAssets(fx.Factory, box));
        Assert.Empty(await fx.IncompleteUploadsAsync());
    }

    [Fact]
    public async Task Fields_before_and_between_the_files_are_shared_too()
    {
        var (client, box) = await fx.NewBoxAsync();
        var form = new UploadForm()
            .Field("prompt_text", "First")
            .File("a.png", SampleFiles.Png(), name: "files")
            .Field("seed", "7")
            .File("b.png", SampleFiles.Png(), name: "files");

        var (status, body) = await SendAsync(client, box, form);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.All(Created(body), a =>
        {
            Assert.Equal("First", (string)a["prompt_text"]!);
            Assert.Equal(7, (long)a["seed"]!);
        });
        Assert.Equal(2, Created(body).Count);
    }

    [Fact]
    public async Task Each_refused_file_is_reported_with_the_single_uploads_error_and_leaves_nothing_behind()
    {
        var (client, box) = await fx.NewBoxAsync();
        var before = await fx.KeysAsync();
        var good = SampleFiles.Png(5000);
        var form = new UploadForm()
            .File("empty.png", [], name: "files")
            .File("good.png", good, name: "files")
            .File("tool.exe", SampleFiles.Zip(), name: "files")
            .File("fake.jpg", SampleFiles.Zip(), name: "files")
            .File("huge.png", SampleFiles.Png(BatchS3ServiceFixture.MaxFileBytes + 1), name: "files");

        var (status, body) = await SendAsync(client, box, form);

        Assert.Equal(HttpStatusCode.Created, status);
        var asset = Assert.Single(Created(body));
        Assert.Equal(good, await Bucketing.ReadAsync(fx.S3, fx.Bucket, fx.KeyOf(asset)));
        Assert.Equal(
            [
                ("empty.png", "File is empty"),
                ("tool.exe", Unsupported(".exe")),
                ("fake.jpg", "File content does not match its extension"),
                ("huge.png", $"File too large. Maximum size is {BatchS3ServiceFixture.MaxFileBytes} bytes."),
            ],
            Failed(body));
        Assert.Equal(before.Append(fx.KeyOf(asset)).Order(), (await fx.KeysAsync()).Order());
        Assert.Empty(await fx.IncompleteUploadsAsync());
        Assert.Equal(1, Db.CountAssets(fx.Factory, box));
    }

    [Fact]
    public async Task When_no_file_is_stored_the_answer_is_400_with_the_same_shape()
    {
        var (client, box) = await fx.NewBoxAsync();
        var before = await fx.KeysAsync();

        var (status, body) = await SendAsync(client, box, new UploadForm()
            .File("notes.txt", "hello"u8.ToArray(), name: "files").File("empty.mp4", [], name: "files"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Api.AssertSameJson(
            new JsonObject
            {
                ["created"] = new JsonArray(),
                ["failed"] = new JsonArray(
                    new JsonObject { ["filename"] = "notes.txt", ["error"] = Unsupported(".txt") },
                    new JsonObject { ["filename"] = "empty.mp4", ["error"] = "File is empty" }),
            }.ToJsonString(),
            body.ToJsonString());
        await fx.AssertBucketUnchangedAsync(before);
    }

    [Fact]
    public async Task A_wrong_shared_field_after_the_files_refuses_the_batch_and_deletes_what_was_stored()
    {
        var (client, box) = await fx.NewBoxAsync();
        var before = await fx.KeysAsync();
        var form = new UploadForm()
            .File("a.png", SampleFiles.Png(), name: "files").File("b.png", SampleFiles.Png(), name: "files")
            .Field("is_favorite", "maybe").Field("ai_model", "999");

        using var response = await client.Http.PostAsync($"/api/boxes/{box}/upload/batch/", form.Build());

        await Api.AssertJsonAsync(response, HttpStatusCode.BadRequest, """{"is_favorite": ["Must be a valid boolean."]}""");
        await fx.AssertBucketUnchangedAsync(before);
        Assert.Equal(0, Db.CountAssets(fx.Factory, box));
    }

    [Fact]
    public async Task An_unknown_ai_model_refuses_the_batch_and_deletes_what_was_stored()
    {
        var (client, box) = await fx.NewBoxAsync();
        var before = await fx.KeysAsync();
        var form = new UploadForm().File("a.png", SampleFiles.Png(), name: "files").Field("ai_model", "999");

        using var response = await client.Http.PostAsync($"/api/boxes/{box}/upload/batch/", form.Build());

        await Api.AssertJsonAsync(response, HttpStatusCode.BadRequest, Api.FieldError("ai_model", "Invalid pk \"999\" - object does not exist."));
        await fx.AssertBucketUnchangedAsync(before);
        Assert.Equal(0, Db.CountAssets(fx.Factory, box));
    }

    [Fact]
    public async Task A_wrong_shared_field_before_the_files_stores_nothing()
    {
        var (client, box) = await fx.NewBoxAsync();
        var before = await fx.KeysAsync();
        var form = new UploadForm().Field("seed", "many").File("a.png", SampleFiles.Png(), name: "files");

        using var response = await client.Http.PostAsync($"/api/boxes/{box}/upload/batch/", form.Build());

        await Api.AssertJsonAsync(response, HttpStatusCode.BadRequest, Api.FieldError("seed", "A valid integer is required."));
        await fx.AssertBucketUnchangedAsync(before);
    }

    [Fact]
    public async Task More_files_than_the_limit_refuse_the_whole_batch()
    {
        var (client, box) = await fx.NewBoxAsync();
        var before = await fx.KeysAsync();
        var form = new UploadForm();
        for (var i = 0; i <= BatchS3ServiceFixture.MaxFiles; i++) form.File($"{i}.png", SampleFiles.Png(), name: "files");

        using var response = await client.Http.PostAsync($"/api/boxes/{box}/upload/batch/", form.Build());

        await Api.AssertJsonAsync(response, HttpStatusCode.BadRequest,
            Api.Error($"Too many files: at most {BatchS3ServiceFixture.MaxFiles} in one request"));
        await fx.AssertBucketUnchangedAsync(before);
        Assert.Equal(0, Db.CountAssets(fx.Factory, box));
    }

    [Fact]
    public async Task No_files_part_is_400_file_required()
    {
        var (client, box) = await fx.NewBoxAsync();

        using var response = await client.Http.PostAsync($"/api/boxes/{box}/upload/batch/",
            new UploadForm().File("a.png", SampleFiles.Png()).Field("prompt_text", "x").Build());

        await Api.AssertJsonAsync(response, HttpStatusCode.BadRequest, Api.Error("File is required"));
    }

    [Fact]
    public async Task Someone_elses_box_is_404_and_no_token_is_401()
    {
        var (_, box) = await fx.NewBoxAsync();
        var intruder = await ApiClient.RegisterAsync(fx.Factory);
        var before = await fx.KeysAsync();
        var form = new UploadForm().File("a.png", SampleFiles.Png(), name: "files");

        using var notYours = await intruder.Http.PostAsync($"/api/boxes/{box}/upload/batch/", form.Build());
        using var anonymous = await fx.Factory.CreateRealClient().PostAsync($"/api/boxes/{box}/upload/batch", form.Build());

        await Api.AssertJsonAsync(notYours, HttpStatusCode.NotFound, Api.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await fx.AssertBucketUnchangedAsync(before);
    }
}
