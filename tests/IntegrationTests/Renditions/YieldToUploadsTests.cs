using System.Text.Json;
using System.Text.Json.Nodes;
using AssetManager.IntegrationTests.Fixtures;
using AssetManager.IntegrationTests.Uploads;

namespace AssetManager.IntegrationTests.Renditions;

/// <summary>
/// Renditions yield to uploads (issue "Thumbnails, previews and media facts"): while an upload streams, this instance's
/// job engine stands by, at most Jobs:YieldToUploadsSeconds in a row, and runs again once the uploads are quiet.
/// </summary>
public sealed class YieldToUploadsTests
{
    [Fact]
    public async Task An_asset_stays_pending_while_another_upload_streams_and_is_made_once_it_ends()
    {
        using var factory = Service(yieldSeconds: 60);
        var client = await ApiClient.RegisterAsync(factory);
        var box = await client.CreateBoxAsync();
        var held = MediaSamples.Image(800, 600);
        using var streaming = await HoldOpenAsync(factory, client, box, held);
        await Api.EventuallyAsync(async () => await EngineStatusAsync(factory) == "yielding", "the job engine to yield");

        var asset = await client.UploadOkAsync(box, UploadForm.WithFile("meanwhile.png", MediaSamples.Image(640, 480)));
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal("pending", (string?)(await AssetAsync(client, asset.Id()))["processing"]);
        Assert.Equal("yielding", await EngineStatusAsync(factory));
        Assert.Equal("Healthy", await JobsHealthAsync(factory)); // a standby of its own is no fault
        await streaming.SendAsync(RawUpload.Closing);
        Assert.Equal(201, (await streaming.ReadResponseAsync(TimeSpan.FromSeconds(30))).Status);
        Assert.Equal("ready", (string?)(await Processing.SettledAsync(client.Http, asset.Id(), TimeSpan.FromSeconds(60)))["processing"]);
        Assert.Equal("running", await EngineStatusAsync(factory));
    }

    [Fact]
    public async Task Under_an_upload_that_does_not_end_renditions_are_still_made_after_the_bound()
    {
        using var factory = Service(yieldSeconds: 1);
        var client = await ApiClient.RegisterAsync(factory);
        var box = await client.CreateBoxAsync();
        using var streaming = await HoldOpenAsync(factory, client, box, MediaSamples.Image(800, 600));
        await Api.EventuallyAsync(async () => await EngineStatusAsync(factory) == "yielding", "the job engine to yield");

        var asset = await client.UploadOkAsync(box, UploadForm.WithFile("meanwhile.png", MediaSamples.Image(640, 480)));

        Assert.Equal("ready", (string?)(await Processing.SettledAsync(client.Http, asset.Id(), TimeSpan.FromSeconds(60)))["processing"]);
        await streaming.SendAsync(RawUpload.Closing); // only now does the held upload end
        Assert.Equal(201, (await streaming.ReadResponseAsync(TimeSpan.FromSeconds(30))).Status);
    }

    [Fact]
    public async Task With_a_bound_of_zero_the_engine_never_yields()
    {
        using var factory = Service(yieldSeconds: 0);
        var client = await ApiClient.RegisterAsync(factory);
        var box = await client.CreateBoxAsync();
        using var streaming = await HoldOpenAsync(factory, client, box, MediaSamples.Image(800, 600));

        var asset = await client.UploadOkAsync(box, UploadForm.WithFile("meanwhile.png", MediaSamples.Image(640, 480)));

        Assert.Equal("ready", (string?)(await Processing.SettledAsync(client.Http, asset.Id(), TimeSpan.FromSeconds(60)))["processing"]);
        Assert.Equal("running", await EngineStatusAsync(factory));
        streaming.Abort(reset: true);
    }

    private static ApiFactory Service(int yieldSeconds) => new(new Dictionary<string, string?>
    {
        ["Jobs:YieldToUploadsSeconds"] = yieldSeconds.ToString(),
        ["Jobs:StatusPage:Enabled"] = "true",
    });

    /// <summary>An upload whose file has been sent but not the end of its body: it streams until the test closes it.</summary>
    private static async Task<RawUpload> HoldOpenAsync(ApiFactory factory, ApiClient client, int box, byte[] file)
    {
        var head = RawUpload.FilePartHead("held.png");
        var upload = await RawUpload.StartAsync(factory.BaseAddress, $"/api/boxes/{box}/upload/", client.Token,
            head.Length + file.Length + RawUpload.Closing.Length);
        await upload.SendAsync([.. head, .. file]);
        return upload;
    }

    private static async Task<JsonObject> AssetAsync(ApiClient client, int id) =>
        JsonNode.Parse(await client.Http.GetStringAsync($"/api/assets/{id}/"))!.AsObject();

    private static async Task<string?> EngineStatusAsync(ApiFactory factory)
    {
        using var http = factory.CreateRealClient();
        using var body = JsonDocument.Parse(await http.GetStringAsync("/admin/jobs/"));
        return body.RootElement.GetProperty("engine").GetProperty("status").GetString();
    }

    private static async Task<string?> JobsHealthAsync(ApiFactory factory)
    {
        using var http = factory.CreateRealClient();
        using var response = await http.GetAsync("/health/ready");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("checks").GetProperty("jobs").GetProperty("status").GetString();
    }
}
