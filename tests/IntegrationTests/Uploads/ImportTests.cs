using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AssetManager.IntegrationTests.Fixtures;

namespace AssetManager.IntegrationTests.Uploads;

/// <summary>
/// The service on moto with a local file server it is allowed to reach (<c>IMPORT_ALLOWED_NETWORKS=127.0.0.1/32</c>;
/// [::1] stays refused), a 1 MiB file limit and a 3 s deadline for a whole download.
/// </summary>
public sealed class ImportS3ServiceFixture : S3ServiceFixture, IDisposable
{
    public const int MaxFileBytes = 1024 * 1024;
    public const int TimeoutSeconds = 3;

    public LocalFileServer Files { get; } = LocalFileServer.Start();

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["IMPORT_ALLOWED_NETWORKS"] = "127.0.0.1/32";
        settings["MAX_UPLOAD_SIZE"] = MaxFileBytes.ToString();
        settings["Import:TimeoutSeconds"] = TimeoutSeconds.ToString();
    }

    public void Dispose() => Files.DisposeAsync().AsTask().GetAwaiter().GetResult();
}

/// <summary>
/// <c>POST /api/boxes/{id}/import/</c>: the file is downloaded from a local HTTP server the test starts, checked as an
/// upload, streamed into moto and recorded; redirects are followed and each checked; a source that fails, stalls or
/// answers other than 2xx is 400 on <c>url</c> and leaves nothing stored.
/// </summary>
public sealed class ImportTests(ImportS3ServiceFixture fx) : IClassFixture<ImportS3ServiceFixture>
{
    private LocalFileServer Files => fx.Files;

    private static Task<HttpResponseMessage> ImportAsync(ApiClient client, int box, object body) =>
        client.Http.PostAsJsonAsync($"/api/boxes/{box}/import/", body);

    private static async Task<JsonObject> CreatedAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>400 {"url": [message]} with a message that starts as given, and the bucket as it was.</summary>
    private async Task AssertUrlRefusedAsync(HttpResponseMessage response, string messageStart, IEnumerable<string> bucketBefore)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(["url"], body.Select(p => p.Key));
        Assert.StartsWith(messageStart, (string)body["url"]![0]!);
        Assert.DoesNotContain("   at ", text);
        await fx.AssertBucketUnchangedAsync(bucketBefore);
    }

    private static string Name(string extension) => Guid.NewGuid().ToString("N")[..8] + extension;

    [Fact]
    public async Task A_file_is_downloaded_stored_and_recorded_with_the_fields_given()
    {
        var (client, box) = await fx.NewBoxAsync();
        var bytes = SampleFiles.Png(300_000);
        var name = Name(".png");
        var url = Files.Publish(name, bytes, "image/png");

        using var response = await ImportAsync(client, box, new
        {
            url, prompt_text = "A beautiful sunset", is_favorite = true, ai_model = 1, generation_config = new { steps = 30 }, seed = 42,
        });

        var asset = await CreatedAsync(response);
        Assert.Equal($"/api/assets/{(int)asset["id"]!}/", response.Headers.Location?.ToString());
        Assert.Equal(Api.AssetFieldOrder.Concat(Api.AddedAssetFields), asset.Select(p => p.Key));
        Assert.Equal("IMAGE", (string)asset["asset_type"]!);
        Assert.Equal("A beautiful sunset", (string)asset["prompt_text"]!);
        Assert.True((bool)asset["is_favorite"]!);
        Assert.Equal(1, (int)asset["ai_model"]!);
        Assert.Equal(30, (int)asset["generation_config"]!["steps"]!);
        Assert.Equal(42, (long)asset["seed"]!);
        Assert.Equal(Api.Sha256(bytes).ToLowerInvariant(), (string)asset["checksum_sha256"]!);
        Assert.Equal(bytes.Length, (long)asset["file_size"]!);
        var key = fx.KeyOf(asset);
        Assert.Matches(Api.UploadKey, key);
        Assert.EndsWith(".png", key);
        Assert.DoesNotContain(Path.GetFileNameWithoutExtension(name), key);
        Assert.Equal(bytes, await Bucketing.ReadAsync(fx.S3, fx.Bucket, key));
        var head = await fx.S3.GetObjectMetadataAsync(fx.Bucket, key);
        Assert.Equal("image/png", head.Headers.ContentType);
        Assert.Equal("max-age=86400", head.Headers.CacheControl);
    }

    [Fact]
    public async Task Without_an_extension_in_the_path_the_name_comes_from_content_disposition_else_from_content_type()
    {
        var (client, box) = await fx.NewBoxAsync();
        var byDisposition = Files.Publish(Name(""), SampleFiles.Jpeg(5000), "application/octet-stream", "attachment; filename=\"render.jpg\"");
        var byType = Files.Publish(Name(""), SampleFiles.Mp4(5000), "video/mp4");

        var jpeg = await CreatedAsync(await ImportAsync(client, box, new { url = byDisposition }));
        var mp4 = await CreatedAsync(await ImportAsync(client, box, new { url = byType }));

        Assert.EndsWith(".jpg", fx.KeyOf(jpeg));
        Assert.Equal("IMAGE", (string)jpeg["asset_type"]!);
        Assert.EndsWith(".mp4", fx.KeyOf(mp4));
        Assert.Equal("VIDEO", (string)mp4["asset_type"]!);
    }

    [Fact]
    public async Task The_uploads_checks_apply_to_what_is_downloaded()
    {
        var (client, box) = await fx.NewBoxAsync();
        var before = await fx.KeysAsync();

        using var mismatch = await ImportAsync(client, box, new { url = Files.Publish(Name(".png"), SampleFiles.Zip()) });
        using var empty = await ImportAsync(client, box, new { url = Files.Publish(Name(".png"), []) });
        using var unsupported = await ImportAsync(client, box, new { url = Files.Publish(Name(".exe"), SampleFiles.Zip(), "application/x-msdownload") });
        using var tooLarge = await ImportAsync(client, box, new { url = Files.Publish(Name(".png"), SampleFiles.Png(ImportS3ServiceFixture.MaxFileBytes + 1)) });

        await Api.AssertJsonAsync(mismatch, HttpStatusCode.BadRequest, Api.Error("File content does not match its extension"));
        await Api.AssertJsonAsync(empty, HttpStatusCode.BadRequest, Api.Error("File is empty"));
        await Api.AssertJsonAsync(unsupported, HttpStatusCode.BadRequest, Api.Error($"Unsupported file type '.exe'. Allowed: {Api.AllowedList}"));
        await Api.AssertJsonAsync(tooLarge, HttpStatusCode.RequestEntityTooLarge,
            Api.Error($"File too large. Maximum size is {ImportS3ServiceFixture.MaxFileBytes} bytes."));
        await fx.AssertBucketUnchangedAsync(before);
        Assert.Equal(0, Db.CountAssets(fx.Factory, box));
    }

    [Fact]
    public async Task Redirects_are_followed_up_to_five_and_a_sixth_is_refused()
    {
        var (client, box) = await fx.NewBoxAsync();
        var name = Name(".png");
        Files.Publish(name, SampleFiles.Png());
        var before = await fx.KeysAsync();

        var viaRedirect = await CreatedAsync(await ImportAsync(client, box,
            new { url = $"{Files.BaseUrl}/redirect?to={Uri.EscapeDataString($"{Files.BaseUrl}/files/{name}")}&status=307" }));
        var five = await CreatedAsync(await ImportAsync(client, box, new { url = $"{Files.BaseUrl}/chain/5/{name}" }));
        var afterTwo = await fx.KeysAsync();
        using var six = await ImportAsync(client, box, new { url = $"{Files.BaseUrl}/chain/6/{name}" });

        Assert.Equal("IMAGE", (string)viaRedirect["asset_type"]!);
        Assert.Equal("IMAGE", (string)five["asset_type"]!);
        Assert.Equal(before.Count + 2, afterTwo.Count);
        await AssertUrlRefusedAsync(six, "The URL redirected more than 5 times.", afterTwo);
        // the chain of 5 ends at /chain/0; the chain of 6 is refused at the redirect /chain/1 answers
        Assert.Equal(1, Files.Requested.Count(p => p == $"/chain/0/{name}"));
        Assert.Equal(2, Files.Requested.Count(p => p == $"/chain/1/{name}"));
    }

    [Theory]
    [InlineData("http://[::1]:{port}/files/{name}", "loopback")]
    [InlineData("http://127.0.0.2:{port}/files/{name}", "loopback")]
    [InlineData("http://[::ffff:127.0.0.2]:{port}/files/{name}", "loopback")]
    [InlineData("http://10.20.30.40/files/{name}", "private")]
    [InlineData("http://192.168.1.1/files/{name}", "private")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "link-local")]
    [InlineData("http://[fe80::1]/files/{name}", "link-local")]
    [InlineData("http://[fd00::1]/files/{name}", "private")]
    public async Task A_redirect_to_an_address_imports_may_not_reach_is_refused_and_never_requested(string target, string kind)
    {
        var (client, box) = await fx.NewBoxAsync();
        var name = Name(".png");
        Files.Publish(name, SampleFiles.Png());
        var to = target.Replace("{port}", Files.Port.ToString()).Replace("{name}", name);
        var before = await fx.KeysAsync();

        using var response = await ImportAsync(client, box, new { url = $"{Files.BaseUrl}/redirect?to={Uri.EscapeDataString(to)}" });

        await AssertUrlRefusedAsync(response, "Imports may not reach ", before);
        Assert.Contains($"{kind} address", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(Files.Requested, p => p == $"/files/{name}");
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/a.png", "The URL redirected to a ftp URL; only http and https can be imported.")]
    [InlineData("file:///etc/passwd", "The URL redirected to a file URL; only http and https can be imported.")]
    public async Task A_redirect_to_another_scheme_is_refused(string target, string message)
    {
        var (client, box) = await fx.NewBoxAsync();
        var before = await fx.KeysAsync();

        using var response = await ImportAsync(client, box, new { url = $"{Files.BaseUrl}/redirect?to={Uri.EscapeDataString(target)}" });

        await AssertUrlRefusedAsync(response, message, before);
    }

    [Theory]
    [InlineData(404, "The URL answered 404 Not Found.")]
    [InlineData(500, "The URL answered 500 Internal Server Error.")]
    [InlineData(403, "The URL answered 403 Forbidden.")]
    public async Task A_source_that_does_not_answer_2xx_is_refused(int status, string message)
    {
        var (client, box) = await fx.NewBoxAsync();
        var before = await fx.KeysAsync();

        using var response = await ImportAsync(client, box, new { url = $"{Files.BaseUrl}/status/{status}" });

        await AssertUrlRefusedAsync(response, message, before);
    }

    [Fact]
    public async Task A_2xx_without_a_body_is_an_empty_file()
    {
        var (client, box) = await fx.NewBoxAsync();
        var before = await fx.KeysAsync();

        using var response = await ImportAsync(client, box, new { url = $"{Files.BaseUrl}/status/204" });

        await Api.AssertJsonAsync(response, HttpStatusCode.BadRequest, Api.Error("File is empty"));
        await fx.AssertBucketUnchangedAsync(before);
    }

    [Fact]
    public async Task A_source_that_does_not_answer_in_time_is_refused_when_the_deadline_passes()
    {
        var (client, box) = await fx.NewBoxAsync();
        var before = await fx.KeysAsync();
        var clock = Stopwatch.StartNew();

        using var response = await ImportAsync(client, box, new { url = $"{Files.BaseUrl}/stall-headers" });

        await AssertUrlRefusedAsync(response, $"The URL did not answer within {ImportS3ServiceFixture.TimeoutSeconds} seconds.", before);
        Assert.InRange(clock.Elapsed.TotalSeconds, ImportS3ServiceFixture.TimeoutSeconds - 0.5, 30);
    }

    [Fact]
    public async Task A_body_that_stalls_or_breaks_off_stores_nothing()
    {
        var (client, box) = await fx.NewBoxAsync();
        var name = Name(".png");
        Files.Publish(name, SampleFiles.Png(400_000));
        var before = await fx.KeysAsync();

        using var stalled = await ImportAsync(client, box, new { url = $"{Files.BaseUrl}/stall-body/{name}" });
        using var brokenOff = await ImportAsync(client, box, new { url = $"{Files.BaseUrl}/break-off/{name}" });

        await AssertUrlRefusedAsync(stalled, $"The download did not finish within {ImportS3ServiceFixture.TimeoutSeconds} seconds.", before);
        await AssertUrlRefusedAsync(brokenOff, "The download broke off: ", before);
        Assert.Equal(0, Db.CountAssets(fx.Factory, box));
    }

    [Fact]
    public async Task A_host_that_does_not_resolve_is_refused()
    {
        var (client, box) = await fx.NewBoxAsync();
        var before = await fx.KeysAsync();

        using var response = await ImportAsync(client, box, new { url = "http://no-such-host.invalid/a.png" });

        await AssertUrlRefusedAsync(response, "The host no-such-host.invalid could not be found.", before);
    }

    [Theory]
    [InlineData("""{}""", "url", "This field is required.")]
    [InlineData("""{"url": ""}""", "url", "This field may not be blank.")]
    [InlineData("""{"url": "not a url"}""", "url", "Enter a valid URL.")]
    [InlineData("""{"url": "file:///etc/passwd"}""", "url", "Only http and https URLs can be imported.")]
    [InlineData("""{"url": "ftp://127.0.0.1/a.png"}""", "url", "Only http and https URLs can be imported.")]
    [InlineData("""{"url": "http://user:secret@127.0.0.1/a.png"}""", "url", "A URL with a user name or password cannot be imported.")]
    [InlineData("""{"url": "http://127.0.0.1/a.png", "ai_model": 999}""", "ai_model", "Invalid pk \"999\" - object does not exist.")]
    [InlineData("""{"url": "http://127.0.0.1/a.png", "seed": "x"}""", "seed", "A valid integer is required.")]
    [InlineData("""{"url": "http://127.0.0.1/a.png", "generation_config": [1]}""", "generation_config", "Value must be a JSON object.")]
    public async Task The_body_is_checked_field_by_field(string json, string field, string message)
    {
        var (client, box) = await fx.NewBoxAsync();

        using var response = await client.Http.PostAsync($"/api/boxes/{box}/import/", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await Api.AssertJsonAsync(response, HttpStatusCode.BadRequest, Api.FieldError(field, message));
    }

    [Fact]
    public async Task Someone_elses_box_is_404_before_the_body_is_checked_and_no_token_is_401()
    {
        var (_, box) = await fx.NewBoxAsync();
        var intruder = await ApiClient.RegisterAsync(fx.Factory);
        var requestsBefore = Files.Requested.Count;

        using var notYours = await ImportAsync(intruder, box, new { url = "ftp://nowhere" });
        using var anonymous = await fx.Factory.CreateRealClient().PostAsJsonAsync($"/api/boxes/{box}/import/", new { url = Files.Publish(Name(".png"), SampleFiles.Png()) });

        await Api.AssertJsonAsync(notYours, HttpStatusCode.NotFound, Api.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(requestsBefore, Files.Requested.Count);
    }
}
