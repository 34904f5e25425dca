using AssetManager.Domain.AiModels;
using AssetManager.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AssetManager.UnitTests.Infrastructure;

public sealed class PersistenceModelTests
{
    private static readonly string[] Tables = ["Projects", "Boxes", "Assets", "AiModels", "AuthTokens", "AspNetUsers"];

    private static SqlServerAppDbContext SqlServer() =>
        new(new DbContextOptionsBuilder<SqlServerAppDbContext>()
            .UseSqlServer("Server=unit-test-no-such-server;Database=AssetManager;User Id=sa;Password=x;TrustServerCertificate=True")
            .Options);

    private static PostgreSqlAppDbContext PostgreSql() =>
        new(new DbContextOptionsBuilder<PostgreSqlAppDbContext>().UseNpgsql("Host=unit-test-no-such-server;Database=assetmanager").Options);

    private static SqliteAppDbContext Sqlite(string connection = "Data Source=unit-test-never-opened.db") =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connection).Options);

    [Fact]
    public void Sql_server_create_script_builds_with_no_server()
    {
        using var context = SqlServer();

        var script = context.Database.GenerateCreateScript();

        foreach (var table in Tables) Assert.Contains($"CREATE TABLE [{table}]", script);
        Assert.Contains("INSERT INTO [AiModels]", script);
    }

    [Fact]
    public void Sql_server_migrations_match_the_model()
    {
        using var context = SqlServer();
        Assert.NotEmpty(context.Database.GetMigrations());
        Assert.False(context.Database.HasPendingModelChanges(), "SQL Server: add a migration (Migrations/SqlServer)");
    }

    [Fact]
    public void PostgreSql_create_script_builds_with_no_server_and_keeps_timestamps_in_utc()
    {
        using var context = PostgreSql();

        var script = context.Database.GenerateCreateScript();

        foreach (var table in Tables) Assert.Contains($"CREATE TABLE \"{table}\"", script);
        Assert.Contains("INSERT INTO \"AiModels\"", script);
        Assert.Contains("\"CreatedAt\" timestamp with time zone NOT NULL", script);
        Assert.DoesNotContain("timestamp without time zone", script);
    }

    [Fact]
    public void PostgreSql_migrations_match_the_model()
    {
        using var context = PostgreSql();
        Assert.NotEmpty(context.Database.GetMigrations());
        Assert.False(context.Database.HasPendingModelChanges(), "PostgreSQL: add a migration (Migrations/PostgreSql)");
    }

    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var context = Sqlite();
        Assert.NotEmpty(context.Database.GetMigrations());
        Assert.False(context.Database.HasPendingModelChanges(), "SQLite: add a migration (Migrations/Sqlite)");
    }

    [Fact]
    public void Each_provider_has_its_own_migrations()
    {
        using var sqlServer = SqlServer();
        using var sqlite = Sqlite();
        using var postgreSql = PostgreSql();
        string[][] migrations = [[.. sqlServer.Database.GetMigrations()], [.. sqlite.Database.GetMigrations()], [.. postgreSql.Database.GetMigrations()]];
        Assert.Equal(migrations.Sum(m => m.Length), migrations.SelectMany(m => m).Distinct().Count());
    }

    [Fact]
    public async Task Sqlite_migrations_apply_and_seed_the_catalogue()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var context = Sqlite(connection.ConnectionString);
        context.Database.SetDbConnection(connection);

        await context.Database.MigrateAsync();

        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.Equal(AiModelCatalogue.Seed.Count, await context.AiModels.CountAsync());
    }

    [Fact]
    public void Seeded_catalogue_has_at_least_8_models_with_unique_ids_and_names()
    {
        var seed = AiModelCatalogue.Seed;

        Assert.True(seed.Count >= 8);
        Assert.Equal(seed.Count, seed.Select(m => m.Id).Distinct().Count());
        Assert.Equal(seed.Count, seed.Select(m => m.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(seed, m => Assert.True(m.Id > 0 && m.Name.Length > 0 && m.Provider.Length > 0));
        Assert.Contains(seed, m => m.Kind == AiModelKind.Image);
        Assert.Contains(seed, m => m.Kind == AiModelKind.Video);
    }

    [Fact]
    public void The_model_seeds_the_whole_catalogue()
    {
        using var context = Sqlite();
        var seeded = context.GetService<IDesignTimeModel>().Model.FindEntityType(typeof(AiModel))!.GetSeedData().Select(row => (int)row["Id"]!).Order();
        Assert.Equal(AiModelCatalogue.Seed.Select(m => m.Id).Order(), seeded);
    }
}
