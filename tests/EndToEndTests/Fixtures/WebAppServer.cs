using System.Globalization;
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

    /// <summary>How many failed logins for one username the server takes before it throttles the next.</summary>
    public const int ThrottledAfter = 3;

    /// <summary>The throttle's window: long enough for three failed logins on a busy machine, short enough to wait out.</summary>
    public const int ThrottleWindowSeconds = 5;

    /// <summary>The address Kestrel listens on, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("DataDirectory", _dataDirectory);
        builder.UseSetting("Urls", "http://127.0.0.1:0");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Three failed logins for a username within a few seconds make its logins wait: the throttle test waits that out.
        builder.UseSetting("Auth:Throttle:FailuresPerUsername", ThrottledAfter.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Auth:Throttle:WindowSeconds", ThrottleWindowSeconds.ToString(CultureInfo.InvariantCulture));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
