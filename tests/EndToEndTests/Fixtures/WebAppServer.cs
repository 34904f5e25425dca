using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AssetManager.EndToEndTests.Fixtures;

/// <summary>
/// The real service on real Kestrel (a free loopback port) with its own SQLite file and media folder in a temporary
/// directory, as the integration tests host it. The web app is served from the WebApi project's wwwroot.
/// </summary>
public sealed class WebAppServer : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "assetmanager-e2e", Guid.NewGuid().ToString("N"));

    public WebAppServer()
    {
        Directory.CreateDirectory(_dataDirectory);
        UseKestrel(0);
        StartServer();
    }

    /// <summary>The address Kestrel listens on, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("DataDirectory", _dataDirectory);
        builder.UseSetting("Urls", "http://127.0.0.1:0");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
