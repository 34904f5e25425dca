using AssetManager.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AssetManager.IntegrationTests.Fixtures;

/// <summary>
/// The real service on real Kestrel (a free loopback port) with its own database and media folder in a temporary
/// directory, deleted on dispose. The database is a SQLite file there, or with <see cref="DatabaseProvider.PostgreSql"/>
/// a migrated database of its own on the run's <see cref="PostgresServer"/>. Extra settings (an S3 bucket, a size
/// limit) come in as configuration.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public ApiFactory(IReadOnlyDictionary<string, string?>? settings = null, DatabaseProvider database = DatabaseProvider.Sqlite)
    {
        _settings = new Dictionary<string, string?>();
        Database = database;
        DataDirectory = Path.Combine(Path.GetTempPath(), "assetmanager-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        if (database == DatabaseProvider.PostgreSql)
        {
            PostgreSqlDatabase = PostgresServer.Shared.CreateDatabase();
            _settings["Database:Provider"] = "PostgreSql";
            _settings["Database:ConnectionString"] = PostgresServer.Shared.ConnectionString(PostgreSqlDatabase);
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
        UseKestrel(0);
        try
        {
            StartServer();
        }
        catch
        {
            Dispose(); // a service that does not start (bad settings, on purpose) leaves no folder behind
            throw;
        }
    }

    public DatabaseProvider Database { get; }

    /// <summary>The name of this service's database on <see cref="PostgresServer.Shared"/>; null on SQLite.</summary>
    public string? PostgreSqlDatabase { get; }

    public string DataDirectory { get; }

    public string DatabasePath => Path.Combine(DataDirectory, "assetmanager.db");

    public string MediaRoot => Path.Combine(DataDirectory, "media");

    /// <summary>The address Kestrel listens on, e.g. http://127.0.0.1:41234.</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("DataDirectory", DataDirectory);
        builder.UseSetting("Urls", "http://127.0.0.1:0");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    /// <summary>A client of the real server (not the in-memory test server).</summary>
    public HttpClient CreateRealClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(5) };

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (PostgreSqlDatabase is not null) PostgresServer.Shared.DropDatabase(PostgreSqlDatabase);
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
