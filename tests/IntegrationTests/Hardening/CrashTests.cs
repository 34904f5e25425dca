using System.Net.Http.Json;
using System.Text.Json;
using AssetManager.IntegrationTests.Fixtures;
using AssetManager.IntegrationTests.Renditions;
using AssetManager.IntegrationTests.Uploads;

namespace AssetManager.IntegrationTests.Hardening;

/// <summary>
/// The published service killed with SIGKILL and started again on the same data: work the crash cut short is finished,
/// and what it left half-done (open multipart uploads, temporary files) is swept.
/// </summary>
public sealed class CrashTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "assetmanager-tests", "crash-" + Guid.NewGuid().ToString("N"));
    private readonly string _bucket = "crash-" + Guid.NewGuid().ToString("N")[..12];
    private MotoServer _moto = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_data);
        _moto = await SharedMoto.GetAsync();
    }

    [Fact]
    public async Task Renditions_asked_for_before_a_kill_are_made_after_the_restart()
    {
        var settings = new Dictionary<string, string?> { ["DataDirectory"] = _data, ["Jobs__RenditionsDelaySeconds"] = "3" };
        int assetId;
        await using (var first = await ServiceProcess.StartAsync(settings))
        {
            var user = await RegisterAsync(first);
            var box = await user.CreateBoxAsync();
            var created = await user.UploadOkAsync(box, UploadForm.WithFile("p.png", MediaSamples.Image(200, 100)));
            assetId = created.Id();
            Assert.Equal("pending", (string?)created["processing"]);
            await first.KillAsync(); // between the 201 and the job's end
        }

        settings["Jobs__RenditionsDelaySeconds"] = "0";
        await using var second = await ServiceProcess.StartAsync(settings);
        var again = await SignInAsync(second);
        var asset = await Processing.SettledAsync(again.Http, assetId);

        Assert.Equal("ready", (string?)asset["processing"]);
        Assert.Equal(200, (int?)asset["width"]);
    }

    [Fact]
    public async Task An_upload_cut_by_a_kill_leaves_no_multipart_upload_in_s3_once_the_service_is_back()
    {
        using var s3 = _moto.CreateClient();
        await s3.PutBucketAsync(_bucket);
        var settings = new Dictionary<string, string?>(_moto.SettingsFor(_bucket)) { ["DataDirectory"] = _data };
        await using (var first = await ServiceProcess.StartAsync(settings))
        {
            var user = await RegisterAsync(first);
            var box = await user.CreateBoxAsync();
            await SendHalfAnUploadAsync(first, user.Token, box);
            await WaitUntilAsync(async () => (await Bucketing.IncompleteUploadsAsync(s3, _bucket)).Count > 0);
            await first.KillAsync();
        }
        Assert.NotEmpty(await Bucketing.IncompleteUploadsAsync(s3, _bucket));

        // back with a short age for abandoned uploads (the first had the default: a day), so the test need not wait
        await using var second = await ServiceProcess.StartAsync(QuickSweeps(settings));

        await WaitUntilAsync(async () => (await Bucketing.IncompleteUploadsAsync(s3, _bucket)).Count == 0);
        Assert.Empty(await Bucketing.KeysAsync(s3, _bucket));
    }

    [Fact]
    public async Task An_upload_cut_by_a_kill_leaves_no_temporary_file_on_disk_once_the_service_is_back()
    {
        var incoming = Path.Combine(_data, "media", ".incoming");
        var settings = new Dictionary<string, string?> { ["DataDirectory"] = _data };
        await using (var first = await ServiceProcess.StartAsync(settings))
        {
            var user = await RegisterAsync(first);
            var box = await user.CreateBoxAsync();
            await SendHalfAnUploadAsync(first, user.Token, box);
            await WaitUntilAsync(() => Task.FromResult(Directory.Exists(incoming) && Directory.EnumerateFiles(incoming).Any()));
            await first.KillAsync();
        }
        Assert.NotEmpty(Directory.EnumerateFiles(incoming));

        await using var second = await ServiceProcess.StartAsync(QuickSweeps(settings));

        await WaitUntilAsync(() => Task.FromResult(!Directory.EnumerateFiles(incoming).Any()));
    }

    private static Dictionary<string, string?> QuickSweeps(Dictionary<string, string?> settings) => new(settings)
    {
        ["Jobs__AbandonedUploadAgeSeconds"] = "1",
        ["Jobs__MaintenanceIntervalSeconds"] = "1",
    };

    /// <summary>Declares 40 MiB and sends 12 MiB of it, then leaves the connection open.</summary>
    private static async Task SendHalfAnUploadAsync(ServiceProcess service, string token, int box)
    {
        var upload = await RawUpload.StartAsync(service.BaseAddress, $"/api/boxes/{box}/upload/", token, 40L * 1024 * 1024);
        await upload.SendAsync([.. RawUpload.FilePartHead("big.mp4"), .. SampleFiles.Mp4(12 * 1024 * 1024)]);
    }

    private const string Password = "Acc-Ufz_kxJqrTzqWcaYQ";
    private const string Username = "crash-test-user";

    private static async Task<ApiClient> RegisterAsync(ServiceProcess service)
    {
        var http = service.CreateClient();
        var response = await http.PostAsJsonAsync("/api/auth/register/", new { username = Username, password = Password });
        response.EnsureSuccessStatusCode();
        return WithToken(http, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static async Task<ApiClient> SignInAsync(ServiceProcess service)
    {
        var http = service.CreateClient();
        var response = await http.PostAsJsonAsync("/api/auth/token/", new { username = Username, password = Password });
        response.EnsureSuccessStatusCode();
        return WithToken(http, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static ApiClient WithToken(HttpClient http, JsonElement body)
    {
        var token = body.GetProperty("token").GetString()!;
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Token", token);
        return new ApiClient(http, token, body.TryGetProperty("id", out var id) ? id.GetInt32() : 0, Username);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the condition did not hold within 60 s");
            await Task.Delay(250);
        }
    }

    public Task DisposeAsync()
    {
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}
