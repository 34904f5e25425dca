using System.Net;
using AssetManager.IntegrationTests.Fixtures;
using AssetManager.IntegrationTests.Uploads;

namespace AssetManager.IntegrationTests.Hardening;

/// <summary>A load balancer's view: ready says 503 while the object store is unreachable, live stays 200.</summary>
public sealed class ReadinessTests : IAsyncLifetime
{
    private TcpGate _gate = null!;
    private ApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        var moto = await SharedMoto.GetAsync();
        var bucket = "ready-" + Guid.NewGuid().ToString("N")[..12];
        using (var s3 = moto.CreateClient()) await s3.PutBucketAsync(bucket);
        _gate = new TcpGate(moto.Port);
        _factory = new ApiFactory(new Dictionary<string, string?>(moto.SettingsFor(bucket))
        {
            ["AWS_S3_ENDPOINT_URL"] = $"http://127.0.0.1:{_gate.Port}",
        });
    }

    [Fact]
    public async Task Ready_is_503_while_the_store_is_down_and_live_stays_200()
    {
        using var http = _factory.CreateRealClient();
        _gate.Close();
        await Task.Delay(StorageHealthCheckReuse); // the last answer is reused for a few seconds

        var ready = await http.GetAsync("/health/ready");
        var live = await http.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("s3 unreachable", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    private static readonly TimeSpan StorageHealthCheckReuse = TimeSpan.FromSeconds(5.5);

    public async Task DisposeAsync()
    {
        _factory.Dispose();
        await _gate.DisposeAsync();
    }
}
