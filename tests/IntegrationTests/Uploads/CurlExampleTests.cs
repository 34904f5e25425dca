using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using AssetManager.IntegrationTests.Fixtures;

namespace AssetManager.IntegrationTests.Uploads;

/// <summary>The original document's curl examples, run with the real curl binary against the running service.</summary>
public sealed class CurlExampleTests(DefaultS3ServiceFixture fx) : IClassFixture<DefaultS3ServiceFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("curl-examples-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Example_1_image_with_prompt_and_favorite()
    {
        var (client, box) = await NewBoxAsync();
        var bytes = SampleFiles.Jpeg(10_000);
        await File.WriteAllBytesAsync(Path.Combine(_folder, "image.jpg"), bytes);

        var result = await CurlAsync(
            "-X", "POST", $"{fx.Factory.BaseAddress}api/boxes/{box}/upload/",
            "-H", $"Authorization: Token {client.Token}",
            "-F", "file=@image.jpg",
            "-F", "prompt_text=A beautiful sunset",
            "-F", "is_favorite=true");

        var asset = AssertCreated(result);
        Assert.Equal(box, asset.GetProperty("box").GetInt32());
        Assert.Equal("Scene 1", asset.GetProperty("box_name").GetString());
        Assert.Equal("IMAGE", asset.GetProperty("asset_type").GetString());
        Assert.Equal("", asset.GetProperty("thumbnail_url").GetString());
        Assert.True(asset.GetProperty("is_favorite").GetBoolean());
        Assert.Equal("A beautiful sunset", asset.GetProperty("prompt_text").GetString());
        Assert.Equal(JsonValueKind.Null, asset.GetProperty("ai_model").ValueKind);
        Assert.Equal(JsonValueKind.Null, asset.GetProperty("ai_model_name").ValueKind);
        Assert.Equal("{}", asset.GetProperty("generation_config").GetRawText());
        Assert.Equal(JsonValueKind.Null, asset.GetProperty("seed").ValueKind);
        var key = AssertStored(asset, ".jpg");
        Assert.Equal(bytes, await Bucketing.ReadAsync(fx.S3, fx.Bucket, key));
    }

    [Fact]
    public async Task Example_2_video()
    {
        var (client, box) = await NewBoxAsync();
        var bytes = SampleFiles.Mp4(50_000);
        await File.WriteAllBytesAsync(Path.Combine(_folder, "video.mp4"), bytes);

        var result = await CurlAsync(
            "-X", "POST", $"{fx.Factory.BaseAddress}api/boxes/{box}/upload/",
            "-H", $"Authorization: Token {client.Token}",
            "-F", "file=@video.mp4",
            "-F", "prompt_text=Generated video");

        var asset = AssertCreated(result);
        Assert.Equal("VIDEO", asset.GetProperty("asset_type").GetString());
        Assert.False(asset.GetProperty("is_favorite").GetBoolean());
        Assert.Equal("Generated video", asset.GetProperty("prompt_text").GetString());
        Assert.Equal(JsonValueKind.Null, asset.GetProperty("ai_model").ValueKind);
        var key = AssertStored(asset, ".mp4");
        Assert.Equal(bytes, await Bucketing.ReadAsync(fx.S3, fx.Bucket, key));
    }

    [Fact]
    public async Task Example_3_with_an_ai_model()
    {
        var (client, box) = await NewBoxAsync();
        await File.WriteAllBytesAsync(Path.Combine(_folder, "generated.jpg"), SampleFiles.Jpeg());

        var result = await CurlAsync(
            "-X", "POST", $"{fx.Factory.BaseAddress}api/boxes/{box}/upload/",
            "-H", $"Authorization: Token {client.Token}",
            "-F", "file=@generated.jpg",
            "-F", "prompt_text=Mountain landscape",
            "-F", "ai_model=2",
            "-F", "is_favorite=true");

        var asset = AssertCreated(result);
        Assert.Equal(2, asset.GetProperty("ai_model").GetInt32());
        Assert.Equal("DALL-E 3", asset.GetProperty("ai_model_name").GetString());
        Assert.True(asset.GetProperty("is_favorite").GetBoolean());
        Assert.Equal("Mountain landscape", asset.GetProperty("prompt_text").GetString());
        AssertStored(asset, ".jpg");
    }

    [Fact]
    public async Task Curl_without_a_file_gets_the_documented_400()
    {
        var (client, box) = await NewBoxAsync();
        var result = await CurlAsync(
            "-X", "POST", $"{fx.Factory.BaseAddress}api/boxes/{box}/upload/",
            "-H", $"Authorization: Token {client.Token}",
            "-F", "prompt_text=A beautiful sunset");
        Assert.Equal(400, result.Status);
        Api.AssertSameJson("""{"error": "File is required"}""", result.Body);
    }

    private async Task<(ApiClient Client, int Box)> NewBoxAsync()
    {
        var client = await fx.UserAsync();
        return (client, await client.CreateBoxAsync(await client.CreateProjectAsync(), "Scene 1"));
    }

    private static JsonElement AssertCreated(CurlResult result)
    {
        Assert.True(result.Status == 201, $"curl got {result.Status}: {result.Body}");
        var asset = JsonDocument.Parse(result.Body).RootElement;
        var id = asset.GetProperty("id").GetInt32();
        Assert.Matches(new Regex($"(?im)^Location: /api/assets/{id}/\r?$"), result.Headers);
        Assert.Equal([.. Api.AssetFieldOrder, .. Api.AddedAssetFields], asset.Names());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$", asset.GetProperty("created_at").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$", asset.GetProperty("updated_at").GetString());
        return asset;
    }

    private string AssertStored(JsonElement asset, string extension)
    {
        var url = asset.GetProperty("file_url").GetString()!;
        Assert.StartsWith(fx.PublicBase + "uploads/", url);
        var key = url[fx.PublicBase.Length..];
        Assert.Matches(Api.UploadKey, key);
        Assert.EndsWith(extension, key);
        return key;
    }

    private sealed record CurlResult(int Status, string Headers, string Body);

    private async Task<CurlResult> CurlAsync(params string[] arguments)
    {
        var headers = Path.Combine(_folder, $"headers-{Guid.NewGuid():N}");
        var body = Path.Combine(_folder, $"body-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo("curl")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-sS", "-D", headers, "-o", body, "-w", "%{http_code}" }.Concat(arguments))
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"curl exited with {process.ExitCode}: {await stderr}");
        return new CurlResult(int.Parse(await stdout), await File.ReadAllTextAsync(headers), await File.ReadAllTextAsync(body));
    }
}
