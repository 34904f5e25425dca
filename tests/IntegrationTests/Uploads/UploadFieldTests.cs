using System.Text.Json.Nodes;
using AssetManager.IntegrationTests.Fixtures;

namespace AssetManager.IntegrationTests.Uploads;

/// <summary>The upload's optional fields as the contract's table accepts them, sent before or after the file.</summary>
public abstract class UploadFieldTests(S3ServiceFixture fx) : IAsyncLifetime
{
    private ApiClient _client = null!;
    private int _box;

    public async Task InitializeAsync()
    {
        (_client, _box) = await fx.NewBoxAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("TRUE", true)]
    [InlineData("1", true)]
    [InlineData("yes", true)]
    [InlineData("Yes", true)]
    [InlineData("on", true)]
    [InlineData("ON", true)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    [InlineData("FALSE", false)]
    [InlineData("0", false)]
    [InlineData("no", false)]
    [InlineData("NO", false)]
    [InlineData("off", false)]
    [InlineData("oFf", false)]
    public async Task Is_favorite_accepts_every_spelling(string text, bool expected)
    {
        var after = await UploadAsync(UploadForm.WithFile("a.jpg", SampleFiles.Jpeg()).Field("is_favorite", text));
        var before = await UploadAsync(new UploadForm().Field("is_favorite", text).File("a.jpg", SampleFiles.Jpeg()));
        Assert.Equal(expected, (bool)after["is_favorite"]!);
        Assert.Equal(expected, (bool)before["is_favorite"]!);
        Assert.Equal(expected, Db.Scalar(fx.Factory, """SELECT "IsFavorite" FROM "Assets" WHERE "Id" = @id""", ("@id", (int)after["id"]!)) == 1);
    }

    [Fact]
    public async Task Defaults_when_no_field_is_sent()
    {
        var asset = await UploadAsync(UploadForm.WithFile("a.jpg", SampleFiles.Jpeg()));
        Assert.False((bool)asset["is_favorite"]!);
        Assert.Equal("", (string)asset["prompt_text"]!);
        Assert.Null(asset["ai_model"]);
        Assert.Null(asset["ai_model_name"]);
        Assert.Equal("{}", asset["generation_config"]!.ToJsonString());
        Assert.Null(asset["seed"]);
        Assert.Equal("", (string)asset["thumbnail_url"]!);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_ai_model_means_none(string text)
    {
        var asset = await UploadAsync(UploadForm.WithFile("a.jpg", SampleFiles.Jpeg()).Field("ai_model", text));
        Assert.Null(asset["ai_model"]);
        Assert.Null(asset["ai_model_name"]);
    }

    [Fact]
    public async Task A_known_ai_model_is_linked_with_its_name()
    {
        var asset = await UploadAsync(UploadForm.WithFile("a.mp4", SampleFiles.Mp4()).Field("ai_model", "6"));
        Assert.Equal(6, (int)asset["ai_model"]!);
        Assert.Equal("Sora", (string)asset["ai_model_name"]!);
    }

    [Fact]
    public async Task Generation_config_object_is_kept()
    {
        var config = """{"steps": 30, "cfg_scale": 7.5, "sampler": "euler", "size": {"w": 1024, "h": 768}, "tags": ["a", "b"], "hd": true}""";
        var asset = await UploadAsync(UploadForm.WithFile("a.jpg", SampleFiles.Jpeg()).Field("generation_config", config));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(config), asset["generation_config"]), asset["generation_config"]!.ToJsonString());
        var fetched = await FetchAsync((int)asset["id"]!);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(config), fetched["generation_config"]));
    }

    [Fact]
    public async Task An_empty_generation_config_is_the_empty_object()
    {
        var asset = await UploadAsync(UploadForm.WithFile("a.jpg", SampleFiles.Jpeg()).Field("generation_config", ""));
        Assert.Equal("{}", asset["generation_config"]!.ToJsonString());
    }

    [Theory]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("0", 0L)]
    [InlineData("4294967296", 4294967296L)]
    [InlineData(" 42 ", 42L)]
    public async Task Seed_is_a_64_bit_integer(string text, long expected)
    {
        var asset = await UploadAsync(UploadForm.WithFile("a.jpg", SampleFiles.Jpeg()).Field("seed", text));
        Assert.Equal(expected, (long)asset["seed"]!);
        Assert.Equal(expected, (long)(await FetchAsync((int)asset["id"]!))["seed"]!);
    }

    [Fact]
    public async Task An_empty_seed_is_none()
    {
        var asset = await UploadAsync(UploadForm.WithFile("a.jpg", SampleFiles.Jpeg()).Field("seed", ""));
        Assert.Null(asset["seed"]);
    }

    [Fact]
    public async Task Prompt_text_is_kept_exactly()
    {
        var prompt = "  Закат над морем,\nstyle: «cinematic» 🌅  ";
        var asset = await UploadAsync(UploadForm.WithFile("a.jpg", SampleFiles.Jpeg()).Field("prompt_text", prompt));
        Assert.Equal(prompt, (string)asset["prompt_text"]!);
        Assert.Equal(prompt, (string)(await FetchAsync((int)asset["id"]!))["prompt_text"]!);
    }

    [Fact]
    public async Task Every_field_before_the_file()
    {
        var asset = await UploadAsync(new UploadForm()
            .Field("prompt_text", "before").Field("is_favorite", "yes").Field("ai_model", "3")
            .Field("generation_config", """{"steps": 20}""").Field("seed", "123456789012")
            .File("a.png", SampleFiles.Png()));
        AssertAll(asset, "before", true, 3, 20, 123456789012);
    }

    [Fact]
    public async Task Every_field_after_the_file()
    {
        var asset = await UploadAsync(new UploadForm()
            .File("a.png", SampleFiles.Png())
            .Field("prompt_text", "after").Field("is_favorite", "on").Field("ai_model", "4")
            .Field("generation_config", """{"steps": 21}""").Field("seed", "-5"));
        AssertAll(asset, "after", true, 4, 21, -5);
    }

    [Fact]
    public async Task Fields_on_both_sides_of_a_large_file()
    {
        var bytes = SampleFiles.Png(700 * 1024);
        var asset = await UploadAsync(new UploadForm()
            .Field("prompt_text", "around").Field("ai_model", "1")
            .File("a.png", bytes)
            .Field("is_favorite", "1").Field("generation_config", """{"steps": 22}""").Field("seed", "7"));
        AssertAll(asset, "around", true, 1, 22, 7);
        Assert.Equal(bytes, await Bucketing.ReadAsync(fx.S3, fx.Bucket, fx.KeyOf(asset)));
    }

    [Fact]
    public async Task Another_file_part_before_the_file_is_ignored()
    {
        var bytes = SampleFiles.Jpeg();
        var asset = await UploadAsync(new UploadForm()
            .File("other.exe", SampleFiles.Zip(), name: "attachment")
            .File("a.jpg", bytes)
            .Field("prompt_text", "p"));
        Assert.Equal("p", (string)asset["prompt_text"]!);
        Assert.Equal(bytes, await Bucketing.ReadAsync(fx.S3, fx.Bucket, fx.KeyOf(asset)));
    }

    private static void AssertAll(JsonObject asset, string prompt, bool favorite, int model, int steps, long seed)
    {
        Assert.Equal(prompt, (string)asset["prompt_text"]!);
        Assert.Equal(favorite, (bool)asset["is_favorite"]!);
        Assert.Equal(model, (int)asset["ai_model"]!);
        Assert.NotNull((string?)asset["ai_model_name"]);
        Assert.Equal(steps, (int)asset["generation_config"]!["steps"]!);
        Assert.Equal(seed, (long)asset["seed"]!);
    }

    private Task<JsonObject> UploadAsync(UploadForm form) => _client.UploadOkAsync(_box, form);

    private async Task<JsonObject> FetchAsync(int id) =>
        JsonNode.Parse(await _client.Http.GetStringAsync($"/api/assets/{id}/"))!.AsObject();
}

public sealed class UploadFieldTestsOnSqlite(DefaultS3ServiceFixture fx) : UploadFieldTests(fx), IClassFixture<DefaultS3ServiceFixture>;

public sealed class UploadFieldTestsOnPostgreSql(DefaultS3ServiceFixtureOnPostgreSql fx) : UploadFieldTests(fx), IClassFixture<DefaultS3ServiceFixtureOnPostgreSql>;
