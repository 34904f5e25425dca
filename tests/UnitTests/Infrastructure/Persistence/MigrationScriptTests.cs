using AssetManager.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AssetManager.UnitTests.Infrastructure.Persistence;

/// <summary>
/// The idempotent SQL scripts in deploy/sql, for teams that migrate a server database themselves, are the migrations'
/// own: regenerated here in-process, as <c>dotnet ef migrations script --idempotent</c> writes them.
/// </summary>
public sealed class MigrationScriptTests
{
    [Fact]
    public void The_postgresql_script_is_up_to_date()
    {
        using var context = new PostgreSqlAppDbContext(
            new DbContextOptionsBuilder<PostgreSqlAppDbContext>().UseNpgsql("Host=unit-test-never-opened;Database=assetmanager").Options);

        AssertUpToDate(context, "postgresql.sql", "PostgreSqlAppDbContext");
    }

    [Fact]
    public void The_sql_server_script_is_up_to_date()
    {
        using var context = new SqlServerAppDbContext(
            new DbContextOptionsBuilder<SqlServerAppDbContext>().UseSqlServer("Server=unit-test-never-opened;Database=AssetManager").Options);

        AssertUpToDate(context, "sqlserver.sql", "SqlServerAppDbContext");
    }

    private static void AssertUpToDate(DbContext context, string file, string contextName)
    {
        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var committed = File.ReadAllText(Path.Combine(RepositoryRoot, "deploy", "sql", file));

        Assert.True(script == committed,
            $"deploy/sql/{file} is not the migrations' script; regenerate it: dotnet ef migrations script --idempotent " +
            $"--context {contextName} --project src/Infrastructure --startup-project src/Infrastructure --output deploy/sql/{file}");
        Assert.Contains("INSERT INTO", committed); // the AI model catalogue is in it
    }

    private static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "AssetManager.sln"))) return dir.FullName;
            throw new InvalidOperationException("AssetManager.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
