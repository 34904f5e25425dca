using AssetManager.IntegrationTests.Fixtures;
using AssetManager.IntegrationTests.Uploads;

namespace AssetManager.IntegrationTests.Renditions;

/// <summary>
/// The store unreachable while renditions are being made: the job is retried with back-off a bounded number of times,
/// then the asset is failed with the reason; a store back in time gets its renditions made.
/// </summary>
public sealed class RenditionRetryTests : IAsyncLifetime
{
    private TcpGate _gate = null!;
    private MotoServer _moto = null!;
    private readonly string _bucket = "retry-" + Guid.NewGuid().ToString("N")[..12];

    public async Task InitializeAsync()
    {
        _moto = await SharedMoto.GetAsync();
        using var s3 = _moto.CreateClient();
        await s3.PutBucketAsync(_bucket);
        _gate = new TcpGate(_moto.Port);
    }

    /// <summary>The service reaches the store through the gate; the job starts 2 s after the upload.</summary>
    private ApiFactory Service(int retries) => new(new Dictionary<string, string?>(_moto.SettingsFor(_bucket))
    {
        ["AWS_S3_ENDPOINT_URL"] = $"http://127.0.0.1:{_gate.Port}",
        ["Jobs:RenditionsDelaySeconds"] = "2",
        ["Jobs:RetryCount"] = retries.ToString(),
        ["Jobs:RetryDelaySeconds"] = "1",
        ["Jobs:MaxRetryDelaySeconds"] = "2",
    });

    [Fact]
    public async Task A_store_that_stays_down_fails_the_asset_with_the_reason_after_the_retries()
    {
        using var factory = Service(retries: 1);
        var user = await ApiClient.RegisterAsync(factory);
        var box = await user.CreateBoxAsync();
        var created = await user.UploadOkAsync(box, UploadForm.WithFile("p.png", MediaSamples.Image(64, 64)));

        _gate.Close();
        var asset = await Processing.SettledAsync(user.Http, created.Id(), TimeSpan.FromSeconds(60));

        Assert.Equal("failed", (string?)asset["processing"]);
        Assert.StartsWith("gave up after 2 attempts: ", (string?)asset["processing_error"]);
    }

    [Fact]
    public async Task A_store_back_before_the_retries_are_spent_gets_the_renditions_made()
    {
        using var factory = Service(retries: 6);
        var user = await ApiClient.RegisterAsync(factory);
        var box = await user.CreateBoxAsync();
        var created = await user.UploadOkAsync(box, UploadForm.WithFile("p.png", MediaSamples.Image(64, 64)));

        _gate.Close();
        await Task.Delay(TimeSpan.FromSeconds(5)); // the first attempts meet a closed gate
        _gate.Open();
        var asset = await Processing.SettledAsync(user.Http, created.Id(), TimeSpan.FromSeconds(90));

        Assert.Equal("ready", (string?)asset["processing"]);
        Assert.NotEqual("", (string?)asset["thumbnail_url"]);
    }

    public async Task DisposeAsync() => await _gate.DisposeAsync();
}
