using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using AssetManager.Domain.AiModels;
using AssetManager.Infrastructure.Persistence;
using AssetManager.IntegrationTests.Fixtures;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AssetManager.IntegrationTests.Hosting;

/// <summary>
/// Several instances started at once on one empty database (one applies the migrations, the others wait, none fails),
/// and migrations as a deploy step: the <c>migrate</c> command, and instances that do not migrate
/// (<c>Database:MigrateAtStart=false</c>). The service runs as a real process, as in production.
/// </summary>
public abstract class MigrationTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    protected string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "assetmanager-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The service's settings (environment variables) for this class's database.</summary>
    protected abstract Dictionary<string, string?> DatabaseSettings();

    /// <summary>
    /// <see cref="DatabaseSettings"/>, and quick JIT: these processes only start, so compiling every method fully
    /// optimised at once (the service's setting, for its steady state) would double the time this class takes.
    /// </summary>
    protected Dictionary<string, string?> Settings() => With(DatabaseSettings(), ("DOTNET_TC_QuickJit", "1"));

    /// <summary>A connection to this class's database, for checking it directly.</summary>
    protected abstract DbConnection Open();

    /// <summary>Every migration of the provider, oldest first.</summary>
    protected abstract IReadOnlyList<string> Migrations { get; }

    [Fact]
    public async Task Instances_started_at_once_on_an_empty_database_all_start_and_the_migrations_are_applied_once()
    {
        await StartAtOnceAndCheckAsync(Settings(), instances: 4);
    }

    [Fact]
    public async Task Migrate_brings_the_database_up_to_date_and_exits_and_instances_that_do_not_migrate_start_on_it()
    {
        var (exitCode, output) = await ServiceProcess.RunToExitAsync(Settings(), StartTimeout, "migrate");

        Assert.True(exitCode == 0, output);
        Assert.Contains("The database is migrated.", output);
        AssertMigratedOnce();
        await using var service = await ServiceProcess.StartAsync(With(Settings(), ("Database__MigrateAtStart", "false")));
        using var http = service.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
        var register = await http.PostAsJsonAsync("/api/auth/register/", new { username = "deployed", password = "Str0ng!Passw0rd" });
        Assert.Equal(HttpStatusCode.Created, register.StatusCode);
    }

    [Fact]
    public async Task An_instance_that_does_not_migrate_refuses_to_start_on_a_database_that_lacks_migrations()
    {
        var (exitCode, output) = await ServiceProcess.RunToExitAsync(
            With(Settings(), ("Database__MigrateAtStart", "false")), StartTimeout);

        Assert.Equal(1, exitCode);
        Assert.Contains("'Database:MigrateAtStart' is false", output);
        Assert.Contains("dotnet AssetManager.WebApi.dll migrate", output);
        Assert.DoesNotContain("   at ", output);
        Assert.Empty(AppliedMigrations());
    }

    /// <summary>Starts <paramref name="instances"/> services at once; all must answer healthy, none log an error, and the database be migrated once.</summary>
    protected async Task StartAtOnceAndCheckAsync(Dictionary<string, string?> settings, int instances)
    {
        var starting = Enumerable.Range(0, instances).Select(_ => ServiceProcess.StartAsync(settings, timeout: StartTimeout)).ToArray();
        try
        {
            await Task.WhenAll(starting);
            foreach (var service in starting.Select(s => s.Result))
            {
                using var http = service.CreateClient();
                Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
                Assert.True(service.IsAlive);
                Assert.False(service.Output.Contains("fail:") || service.Output.Contains("Exception"), service.Output);
            }
            AssertMigratedOnce();
        }
        finally
        {
            foreach (var start in starting)
                if (start.IsCompletedSuccessfully) await start.Result.DisposeAsync();
        }
    }

    /// <summary>Every migration recorded once, and the AI model catalogue seeded once.</summary>
    protected void AssertMigratedOnce()
    {
        Assert.Equal(Migrations, AppliedMigrations());
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """SELECT COUNT(*) FROM "AiModels" """;
        Assert.Equal(AiModelCatalogue.Seed.Count, Convert.ToInt32(command.ExecuteScalar()));
    }

    private List<string> AppliedMigrations()
    {
        using var connection = Open();
        using var exists = connection.CreateCommand();
        exists.CommandText = connection is SqliteConnection
            ? "SELECT COUNT(*) FROM sqlite_master WHERE name = '__EFMigrationsHistory'"
            : "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = '__EFMigrationsHistory'";
        if (Convert.ToInt32(exists.ExecuteScalar()) == 0) return [];
        using var command = connection.CreateCommand();
        command.CommandText = """SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY "MigrationId" """;
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read()) ids.Add(reader.GetString(0));
        return ids;
    }

    protected static Dictionary<string, string?> With(Dictionary<string, string?> settings, params (string Key, string? Value)[] more)
    {
        var all = new Dictionary<string, string?>(settings);
        foreach (var (key, value) in more) all[key] = value;
        return all;
    }

    public virtual void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (DirectoryNotFoundException) { } catch (IOException) { }
        GC.SuppressFinalize(this);
    }
}

/// <summary>SQLite: several processes on one database file.</summary>
public sealed class MigrationTestsOnSqlite : MigrationTests
{
    public MigrationTestsOnSqlite() => Directory.CreateDirectory(DataDirectory);

    protected override Dictionary<string, string?> DatabaseSettings() => new() { ["DataDirectory"] = DataDirectory };

    protected override DbConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(DataDirectory, "assetmanager.db")};Pooling=False");
        connection.Open();
        return connection;
    }

    protected override IReadOnlyList<string> Migrations
    {
        get
        {
            using var context = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options);
            return context.Database.GetMigrations().ToList();
        }
    }
}

/// <summary>PostgreSQL: several processes on one database of the test cluster, which may not even exist yet.</summary>
public sealed class MigrationTestsOnPostgreSql : MigrationTests
{
    private readonly string _database = PostgresServer.Shared.CreateDatabase(migrated: false);
    private string _current;

    public MigrationTestsOnPostgreSql()
    {
        _current = _database;
        Directory.CreateDirectory(DataDirectory);
    }

    protected override Dictionary<string, string?> DatabaseSettings() => new()
    {
        ["DataDirectory"] = DataDirectory,
        ["Database__Provider"] = "PostgreSql",
        ["Database__ConnectionString"] = PostgresServer.Shared.ConnectionString(_current),
    };

    protected override DbConnection Open()
    {
        var connection = new NpgsqlConnection(PostgresServer.Shared.ConnectionString(_current) + ";Pooling=false");
        connection.Open();
        return connection;
    }

    protected override IReadOnlyList<string> Migrations
    {
        get
        {
            using var context = Context();
            return context.Database.GetMigrations().ToList();
        }
    }

    private PostgreSqlAppDbContext Context() => new(new DbContextOptionsBuilder<PostgreSqlAppDbContext>()
        .UseNpgsql(PostgresServer.Shared.ConnectionString(_current) + ";Pooling=false").Options);

    [Fact]
    public async Task Instances_started_at_once_where_the_database_is_missing_create_it_once_and_all_start()
    {
        _current = "test_" + Guid.NewGuid().ToString("N")[..20]; // not created: the instances race to CREATE DATABASE

        await StartAtOnceAndCheckAsync(Settings(), instances: 2);
    }

    [Fact]
    public async Task The_idempotent_script_applies_twice_and_leaves_the_database_the_migrations_make()
    {
        var script = Path.Combine(ServiceProcess.RepositoryRoot, "deploy", "sql", "postgresql.sql");

        PostgresServer.Shared.RunScript(_database, script);
        PostgresServer.Shared.RunScript(_database, script);

        AssertMigratedOnce();
        await using var context = Context();
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.Equal(AiModelCatalogue.Seed.Select(m => m.Name).Order(), (await context.AiModels.Select(m => m.Name).ToListAsync()).Order());
    }

    public override void Dispose()
    {
        PostgresServer.Shared.DropDatabase(_database);
        if (_current != _database) PostgresServer.Shared.DropDatabase(_current);
        base.Dispose();
    }
}
