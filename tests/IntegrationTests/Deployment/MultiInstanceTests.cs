using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AssetManager.IntegrationTests.Fixtures;
using AssetManager.IntegrationTests.Renditions;
using AssetManager.IntegrationTests.Uploads;
using Npgsql;

namespace AssetManager.IntegrationTests.Deployment;

/// <summary>
/// Two published instances behind Debian's nginx (configured by deploy/nginx/assetmanager.conf), round robin, sharing
/// one PostgreSQL database and one S3 bucket: what users meet when a team runs several instances.
/// </summary>
public sealed partial class MultiInstanceTests : IAsyncLifetime
{
    private readonly string _database = PostgresServer.Shared.CreateDatabase();
    private readonly string _bucket = "multi-" + Guid.NewGuid().ToString("N")[..12];
    private MotoServer _moto = null!;
    private ServiceProcess _a = null!;
    private ServiceProcess _b = null!;
    private NginxProxy _proxy = null!;

    public async Task InitializeAsync()
    {
        _moto = await SharedMoto.GetAsync();
        using (var s3 = _moto.CreateClient()) await s3.PutBucketAsync(_bucket);
        var instances = await Task.WhenAll(ServiceProcess.StartAsync(Settings()), ServiceProcess.StartAsync(Settings()));
        (_a, _b) = (instances[0], instances[1]);
        _proxy = await NginxProxy.StartAsync(_a.Port, _b.Port);
    }

    private Dictionary<string, string?> Settings() => new(_moto.SettingsFor(_bucket))
    {
        ["Database__Provider"] = "PostgreSql",
        ["Database__ConnectionString"] = PostgresServer.Shared.ConnectionString(_database),
        ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
        ["Jobs__MaintenanceIntervalSeconds"] = "1",
        ["Jobs__AbandonedUploadAgeSeconds"] = "2",
        ["Upload__DirectUploadLifetimeSeconds"] = "1", // shorter than the age, as the settings require
        ["Jobs__IdleWaitSeconds"] = "1",
        ["Logging__LogLevel__AssetManager.Application.Assets.Commands.MakeRenditions"] = "Information",
        ["DOTNET_TC_QuickJit"] = "1",
    };

    [Fact]
    public async Task Several_instances_behave_as_one_service()
    {
        var http = new HttpClient { BaseAddress = _proxy.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };

        // Registered on one instance, signed in and working on the other.
        var token = await RegisterAsync(http);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", token);
        var project = await CreateAsync(http, "/api/projects/", new { name = "Film" });
        var box = await CreateAsync(http, "/api/boxes/", new { project, name = "Scene 1" });
        var pictures = new List<int>();
        for (var i = 0; i < 4; i++)
            pictures.Add(await UploadAsync(http, box, UploadForm.WithFile($"p{i}.png", MediaSamples.Image(120 + i, 80))));
        Assert.Equal(2, _proxy.Upstreams().Distinct().Count());

        // Each renditions job ran once, on one instance or the other.
        foreach (var id in pictures) Assert.Equal("ready", (string?)(await Processing.SettledAsync(http, id))["processing"]);
        foreach (var id in pictures)
            Assert.Equal(1, Regex.Matches(_a.Output + _b.Output, $@"Asset {id}: renditions made").Count);

        // A box deleted through one instance while uploads into it run through both: every object has its row.
        await DeleteWhileUploadingAsync(http, box);
        await AssertStoreAndRowsAgreeAsync();

        // Signed out through one instance: refused by both at once.
        await (await http.PostAsync("/api/auth/logout/", null)).Content.ReadAsStringAsync();
        var afterwards = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => http.GetAsync("/api/auth/me/")));
        Assert.All(afterwards, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
    }

    [Fact]
    public async Task When_one_instance_dies_the_other_carries_on_and_finishes_its_jobs()
    {
        var http = new HttpClient { BaseAddress = _proxy.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", await RegisterAsync(http));
        var box = await CreateAsync(http, "/api/boxes/", new { project = await CreateAsync(http, "/api/projects/", new { name = "F" }), name = "S" });
        var a = new HttpClient { BaseAddress = _a.BaseAddress };
        a.DefaultRequestHeaders.Authorization = http.DefaultRequestHeaders.Authorization;

        // Uploads through the proxy keep going while instance A is killed in the middle of one of its own.
        using var stop = new CancellationTokenSource();
        var uploads = Task.Run(async () =>
        {
            var statuses = new List<HttpStatusCode>();
            while (!stop.IsCancellationRequested)
            {
                using var response = await http.PostAsync($"/api/boxes/{box}/upload/", UploadForm.WithFile("c.mp4", SampleFiles.Mp4(3 * 1024 * 1024)).Build());
                statuses.Add(response.StatusCode);
            }
            return statuses;
        });
        var cut = RawUpload.StartAsync(_a.BaseAddress, $"/api/boxes/{box}/upload/", ((AuthenticationHeaderValue)http.DefaultRequestHeaders.Authorization!).Parameter!, 40L * 1024 * 1024);
        await (await cut).SendAsync([.. RawUpload.FilePartHead("cut.mp4"), .. SampleFiles.Mp4(12 * 1024 * 1024)]);
        await Task.Delay(1500);
        await _a.KillAsync();
        await Task.Delay(3000);
        stop.Cancel();
        var statuses = await uploads;

        Assert.Contains(HttpStatusCode.Created, statuses);
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Created or HttpStatusCode.BadGateway, s.ToString()));
        var after = await UploadAsync(http, box, UploadForm.WithFile("after.png", MediaSamples.Image(50, 50)));
        Assert.Equal("ready", (string?)(await Processing.SettledAsync(http, after))["processing"]);
        await AssertStoreAndRowsAgreeAsync(); // the upload cut by the kill left nothing: B swept its multipart upload
        await AssertNothingPendingAsync(http, box); // the jobs A held or had queued were taken over by B
    }

    private static async Task AssertNothingPendingAsync(HttpClient http, int box)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var page = await http.GetFromJsonAsync<JsonElement>($"/api/boxes/{box}/assets/?page_size=200");
            var pending = page.GetProperty("results").EnumerateArray().Count(a => a.GetProperty("processing").GetString() == "pending");
            if (pending == 0) return;
            if (DateTime.UtcNow > deadline) Assert.Fail($"{pending} assets still pending after the other instance died");
            await Task.Delay(500);
        }
    }

    private async Task DeleteWhileUploadingAsync(HttpClient http, int box)
    {
        using var stop = new CancellationTokenSource();
        var uploaders = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                // A connection of its own for each: an upload answered 404 before its body was read ends with nginx
                // closing that connection, and the next POST on it, taken from the pool, would meet the close.
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/boxes/{box}/upload/")
                {
                    Content = UploadForm.WithFile("x.jpg", SampleFiles.Jpeg(30_000)).Build(),
                };
                request.Headers.ConnectionClose = true;
                using var response = await http.SendAsync(request);
                Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.NotFound, $"{(int)response.StatusCode}");
            }
        })).ToList();
        await Task.Delay(400);
        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"/api/boxes/{box}/")).StatusCode);
        await Task.Delay(300);
        stop.Cancel();
        await Task.WhenAll(uploaders);
    }

    /// <summary>Every object under uploads/ has its row and every row its object, once recorded deletions and sweeps are done.</summary>
    private async Task AssertStoreAndRowsAgreeAsync()
    {
        using var s3 = _moto.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var rows = FileKeys();
            var objects = (await Bucketing.KeysAsync(s3, _bucket)).Where(k => k.StartsWith("uploads/")).ToHashSet();
            var open = await Bucketing.IncompleteUploadsAsync(s3, _bucket);
            if (rows.SetEquals(objects) && open.Count == 0) return;
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"rows without objects: {string.Join(", ", rows.Except(objects))}; objects without rows: " +
                            $"{string.Join(", ", objects.Except(rows))}; open multipart uploads: {open.Count}");
            await Task.Delay(500);
        }
    }

    private HashSet<string> FileKeys()
    {
        using var connection = new NpgsqlConnection(PostgresServer.Shared.ConnectionString(_database));
        connection.Open();
        using var command = new NpgsqlCommand("""SELECT "FileKey" FROM "Assets" """, connection);
        using var reader = command.ExecuteReader();
        var keys = new HashSet<string>();
        while (reader.Read()) keys.Add(reader.GetString(0));
        return keys;
    }

    private static async Task<string> RegisterAsync(HttpClient http)
    {
        var response = await http.PostAsJsonAsync("/api/auth/register/",
            new { username = "team" + Guid.NewGuid().ToString("N")[..8], password = "Acc-Ufz_kxJqrTzqWcaYQ" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    private static async Task<int> CreateAsync(HttpClient http, string path, object body)
    {
        var response = await http.PostAsJsonAsync(path, body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static async Task<int> UploadAsync(HttpClient http, int box, UploadForm form)
    {
        var response = await http.PostAsync($"/api/boxes/{box}/upload/", form.Build());
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    public async Task DisposeAsync()
    {
        if (_proxy is not null) await _proxy.DisposeAsync();
        if (_a is not null) await _a.DisposeAsync();
        if (_b is not null) await _b.DisposeAsync();
        PostgresServer.Shared.DropDatabase(_database);
    }
}
