using System.Net;
using AssetManager.IntegrationTests.Fixtures;

namespace AssetManager.IntegrationTests.Hosting;

/// <summary>The published service as its users start it: settings from the environment, any current directory.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "assetmanager-tests", Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("MAX_UPLOAD_SIZE", "abc", "MAX_UPLOAD_SIZE")]
    [InlineData("MAX_UPLOAD_SIZE", "-1", "MAX_UPLOAD_SIZE")]
    [InlineData("Auth__RememberTokensSeconds", "-3", "Auth:RememberTokensSeconds")]
    [InlineData("Database__Provider", "Oracle", "Database:Provider")]
    [InlineData("Auth__Throttle__FailuresPerUsername", "0", "Auth:Throttle:FailuresPerUsername")]
    [InlineData("Auth__Throttle__WindowSeconds", "-5", "Auth:Throttle:WindowSeconds")]
    [InlineData("ForwardedHeaders__KnownProxies__0", "not-an-address", "ForwardedHeaders:KnownProxies must be IP addresses")]
    public async Task A_bad_setting_stops_the_start_with_one_line_naming_it(string name, string value, string named)
    {
        var (exitCode, output) = await ServiceProcess.RunToExitAsync(
            new Dictionary<string, string?> { ["DataDirectory"] = _data, [name] = value }, TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Contains(named, output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task Started_from_another_folder_it_reads_its_own_settings_and_serves_the_web_app()
    {
        Directory.CreateDirectory(_data);
        await using var service = await ServiceProcess.StartAsync(
            new Dictionary<string, string?> { ["DataDirectory"] = _data }, workingDirectory: _data);
        using var http = service.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/app/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
        Assert.True(File.Exists(Path.Combine(_data, "assetmanager.db")));
    }

    public void Dispose()
    {
        try { Directory.Delete(_data, recursive: true); } catch (DirectoryNotFoundException) { }
    }
}
