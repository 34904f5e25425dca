using System.Net;
using System.Text;
using AssetManager.IntegrationTests.Fixtures;

namespace AssetManager.IntegrationTests.Uploads;

/// <summary>
/// Every rejection of contract section 4, with its exact body, in the contract's order; after each one there is no
/// asset row and the bucket is as it was (no object, no open multipart upload).
/// </summary>
public sealed class UploadValidationTests(DefaultS3ServiceFixture fx) : IClassFixture<DefaultS3ServiceFixture>
{
    private static readonly string Unsupported = "Unsupported file type '{0}'. Allowed: " + Api.AllowedList;
    private const string Mismatch = "File content does not match its extension";

    // ---- 1. token ----

    [Fact]
    public async Task No_token_is_401_even_for_someone_elses_box()
    {
        var (_, box) = await fx.NewBoxAsync();
        using var anonymous = fx.Factory.CreateRealClient();
        using var response = await anonymous.PostAsync($"/api/boxes/{box}/upload/", UploadForm.WithFile("a.jpg", SampleFiles.Jpeg()).Build());
        await Api.AssertJsonAsync(response, HttpStatusCode.Unauthorized, """{"detail": "Authentication credentials were not provided."}""");
        Assert.Contains("Token", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal(0, Db.CountAssets(fx.Factory, box));
    }

    [Fact]
    public async Task A_bad_token_is_401_invalid_token()
    {
        var (_, box) = await fx.NewBoxAsync();
        using var client = fx.Factory.CreateRealClient();
        client.DefaultRequestHeaders.Authorization = new("Token", "0123456789abcdef0123456789abcdef01234567");
        using var response = await client.PostAsync($"/api/boxes/{box}/upload/", UploadForm.WithFile("a.jpg", SampleFiles.Jpeg()).Build());
        await Api.AssertJsonAsync(response, HttpStatusCode.Unauthorized, """{"detail": "Invalid token."}""");
    }

    // ---- 2. box ----

    [Fact]
    public async Task Someone_elses_box_is_404_before_the_missing_file_is_noticed()
    {
        var (_, box) = await fx.NewBoxAsync();
        var intruder = await ApiClient.RegisterAsync(fx.Factory);
        await RejectAsync(intruder, box, new UploadForm().Field("prompt_text", "x"), HttpStatusCode.NotFound, Api.NotFound);
    }

    // ---- 3. file part ----

    [Fact]
    public async Task No_file_part_is_400_before_field_errors() =>
        await RejectAsync(new UploadForm().Field("is_favorite", "maybe").Field("seed", "x"),
            HttpStatusCode.BadRequest, Api.Error("File is required"));

    [Fact]
    public async Task A_file_part_under_another_name_is_not_the_file() =>
        await RejectAsync(new UploadForm().File("a.jpg", SampleFiles.Jpeg(), name: "image"),
            HttpStatusCode.BadRequest, Api.Error("File is required"));

    [Fact]
    public async Task A_json_body_has_no_file_part()
    {
        var (client, box) = await fx.NewBoxAsync();
        using var response = await client.Http.PostAsync($"/api/boxes/{box}/upload/",
            new StringContent("""{"file": "image.jpg"}""", Encoding.UTF8, "application/json"));
        await Api.AssertJsonAsync(response, HttpStatusCode.BadRequest, Api.Error("File is required"));
        Assert.Equal(0, Db.CountAssets(fx.Factory, box));

        using var anonymous = fx.Factory.CreateRealClient();
        using var unauthenticated = await anonymous.PostAsync($"/api/boxes/{box}/upload/", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
    }

    [Fact]
    public async Task An_empty_body_has_no_file()
    {
        var (client, box) = await fx.NewBoxAsync();
        using var response = await client.Http.PostAsync($"/api/boxes/{box}/upload/", null);
        await Api.AssertJsonAsync(response, HttpStatusCode.BadRequest, Api.Error("File is required"));
    }

    // ---- 4. empty ----

    [Fact]
    public async Task An_empty_file_is_400_even_with_a_bad_extension()
    {
        await RejectAsync(UploadForm.WithFile("image.jpg", []), HttpStatusCode.BadRequest, Api.Error("File is empty"));
        await RejectAsync(UploadForm.WithFile("setup.exe", []), HttpStatusCode.BadRequest, Api.Error("File is empty"));
    }

    // ---- 5. extension ----

    [Theory]
    [InlineData("setup.exe", ".exe")]
    [InlineData("SETUP.EXE", ".exe")]
    [InlineData("notes.txt", ".txt")]
    [InlineData("archive.tar.gz", ".gz")]
    [InlineData("image.jpg.exe", ".exe")]
    [InlineData("README", "")]
    public async Task An_extension_not_listed_is_400_with_the_allowed_list(string fileName, string shown) =>
        await RejectAsync(UploadForm.WithFile(fileName, SampleFiles.Zip()), HttpStatusCode.BadRequest,
            Api.Error(string.Format(Unsupported, shown)));

    [Fact]
    public async Task The_exact_message_for_exe()
    {
        await RejectAsync(UploadForm.WithFile("virus.exe", SampleFiles.Jpeg()), HttpStatusCode.BadRequest,
            """{"error": "Unsupported file type '.exe'. Allowed: .jpg, .jpeg, .png, .gif, .webp, .bmp, .svg, .mp4, .mov, .avi, .mkv, .webm, .flv, .wmv"}""");
    }

    // ---- 6. content ----

    public static TheoryData<string, byte[]> Contradictions => new()
    {
        { "photo.jpg", SampleFiles.Zip() },
        { "photo.jpg", [.. "MZ"u8, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF] },
        { "photo.png", SampleFiles.Mp4() },
        { "clip.mp4", SampleFiles.Png() },
        { "clip.mp4", SampleFiles.Zip() },
        { "drawing.svg", "just some text, not xml"u8.ToArray() },
        { "drawing.svg", "<html><body><script>alert(1)</script></body></html>"u8.ToArray() },
        { "drawing.svg", SampleFiles.Jpeg() },
        { "photo.gif", "GIF80a not really"u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(Contradictions))]
    public async Task Content_that_contradicts_the_extension_is_400(string fileName, byte[] content) =>
        await RejectAsync(UploadForm.WithFile(fileName, content), HttpStatusCode.BadRequest, Api.Error(Mismatch));

    [Fact]
    public async Task An_unlisted_extension_is_reported_before_contradicting_content() =>
        await RejectAsync(UploadForm.WithFile("archive.zip", SampleFiles.Png()), HttpStatusCode.BadRequest,
            Api.Error(string.Format(Unsupported, ".zip")));

    [Fact]
    public async Task Contradicting_content_is_reported_before_field_errors()
    {
        await RejectAsync(new UploadForm().Field("is_favorite", "maybe").File("photo.jpg", SampleFiles.Zip()),
            HttpStatusCode.BadRequest, Api.Error(Mismatch));
        await RejectAsync(new UploadForm().File("photo.jpg", SampleFiles.Zip()).Field("seed", "x"),
            HttpStatusCode.BadRequest, Api.Error(Mismatch));
    }

    // ---- 8. fields ----

    [Theory]
    [InlineData("maybe")]
    [InlineData("2")]
    [InlineData("truthy")]
    public async Task Is_favorite_not_a_boolean_is_400(string value)
    {
        var expected = """{"is_favorite": ["Must be a valid boolean."]}""";
        await RejectAsync(UploadForm.WithFile("a.jpg", SampleFiles.Jpeg()).Field("is_favorite", value), HttpStatusCode.BadRequest, expected);
        await RejectAsync(new UploadForm().Field("is_favorite", value).File("a.jpg", SampleFiles.Jpeg()), HttpStatusCode.BadRequest, expected);
    }

    [Fact]
    public async Task Ai_model_unknown_is_400_invalid_pk()
    {
        var expected = """{"ai_model": ["Invalid pk \"99\" - object does not exist."]}""";
        await RejectAsync(UploadForm.WithFile("a.jpg", SampleFiles.Jpeg()).Field("ai_model", "99"), HttpStatusCode.BadRequest, expected);
        await RejectAsync(new UploadForm().Field("ai_model", "99").File("a.jpg", SampleFiles.Jpeg()), HttpStatusCode.BadRequest, expected);
    }

    [Fact]
    public async Task Ai_model_not_a_number_is_400_incorrect_type() =>
        await RejectAsync(UploadForm.WithFile("a.jpg", SampleFiles.Jpeg()).Field("ai_model", "dalle"), HttpStatusCode.BadRequest,
            Api.FieldError("ai_model", "Incorrect type. Expected pk value, received str."));

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("\"text\"")]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("{not json")]
    public async Task Generation_config_not_a_json_object_is_400(string value)
    {
        var expected = """{"generation_config": ["Value must be a JSON object."]}""";
        await RejectAsync(UploadForm.WithFile("a.jpg", SampleFiles.Jpeg()).Field("generation_config", value), HttpStatusCode.BadRequest, expected);
        await RejectAsync(new UploadForm().Field("generation_config", value).File("a.jpg", SampleFiles.Jpeg()), HttpStatusCode.BadRequest, expected);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("1e3")]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    public async Task Seed_not_a_64_bit_integer_is_400(string value)
    {
        var expected = """{"seed": ["A valid integer is required."]}""";
        await RejectAsync(UploadForm.WithFile("a.jpg", SampleFiles.Jpeg()).Field("seed", value), HttpStatusCode.BadRequest, expected);
        await RejectAsync(new UploadForm().Field("seed", value).File("a.jpg", SampleFiles.Jpeg()), HttpStatusCode.BadRequest, expected);
    }

    [Fact]
    public async Task Every_field_error_is_reported_at_once()
    {
        var expected = """
            {"is_favorite": ["Must be a valid boolean."], "generation_config": ["Value must be a JSON object."],
             "seed": ["A valid integer is required."]}
            """;
        await RejectAsync(new UploadForm().Field("is_favorite", "maybe").File("a.jpg", SampleFiles.Jpeg())
            .Field("generation_config", "[]").Field("seed", "x"), HttpStatusCode.BadRequest, expected);
    }

    [Fact]
    public async Task A_field_error_after_a_large_file_removes_the_object_already_stored() =>
        // 600 KiB: the multipart path; the object is complete before the field after it is read.
        await RejectAsync(UploadForm.WithFile("a.png", SampleFiles.Png(600 * 1024)).Field("seed", "x"),
            HttpStatusCode.BadRequest, Api.FieldError("seed", "A valid integer is required."));

    public static TheoryData<string, byte[]> MalformedBodies => new()
    {
        // The declared length is sent in full, but the multipart framing is broken.
        { "no closing boundary after a small file", [.. RawUpload.FilePartHead("a.jpg"), .. SampleFiles.Jpeg(5000)] },
        { "no closing boundary after a large file", [.. RawUpload.FilePartHead("a.jpg"), .. SampleFiles.Jpeg(600 * 1024)] },
        { "a field cut short after the file", [.. RawUpload.FilePartHead("a.jpg"), .. SampleFiles.Jpeg(5000), .. "\r\n"u8, .. RawUpload.FieldPart("prompt_text", "abc")[..60]] },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task A_malformed_multipart_body_is_a_400_and_leaves_nothing(string what, byte[] body)
    {
        var (client, box) = await fx.NewBoxAsync();
        var keys = await fx.KeysAsync();
        using var raw = await RawUpload.StartAsync(fx.Factory.BaseAddress, $"/api/boxes/{box}/upload/", client.Token, body.Length);
        await raw.SendAsync(body);

        var (status, _, text) = await raw.ReadResponseAsync(TimeSpan.FromSeconds(15));

        Assert.True(status == 400, $"{what}: {status} {text}");
        Assert.StartsWith("Malformed multipart body", (string)System.Text.Json.Nodes.JsonNode.Parse(text)!["error"]!);
        Assert.Equal(0, Db.CountAssets(fx.Factory, box));
        await fx.AssertBucketUnchangedAsync(keys);
    }

    private async Task RejectAsync(UploadForm form, HttpStatusCode status, string expectedJson)
    {
        var (client, box) = await fx.NewBoxAsync();
        await RejectAsync(client, box, form, status, expectedJson);
    }

    private async Task RejectAsync(ApiClient client, int box, UploadForm form, HttpStatusCode status, string expectedJson)
    {
        var keysBefore = await fx.KeysAsync();
        var rowsBefore = Db.CountAssets(fx.Factory);

        using var response = await client.UploadAsync(box, form);

        await Api.AssertJsonAsync(response, status, expectedJson);
        Assert.Equal(0, Db.CountAssets(fx.Factory, box));
        Assert.Equal(rowsBefore, Db.CountAssets(fx.Factory));
        await fx.AssertBucketUnchangedAsync(keysBefore);
    }
}
