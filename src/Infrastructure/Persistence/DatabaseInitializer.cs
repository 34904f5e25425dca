using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AssetManager.Infrastructure.Persistence;

/// <summary>
/// Creates and migrates the database, at start-up or as the <c>migrate</c> command. Several instances may do it at once:
/// EF Core lets one apply the migrations while the others wait (a lock on the history table on PostgreSQL, an
/// application lock on SQL Server, a row in <c>__EFMigrationsLock</c> on SQLite) and then find nothing left to do;
/// on PostgreSQL the whole migration is held under an advisory lock of its own (<see cref="PostgreSqlMigrationStart"/>).
/// SQLite goes to WAL mode so readers never wait on a writer.
/// </summary>
public static class DatabaseInitializer
{
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Database.IsSqlite())
        {
            var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(source));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        }
        if (db.Database.IsNpgsql()) await PostgreSqlMigrationStart.MigrateAsync(db.Database, ct);
        else await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    /// <summary>With <c>Database:MigrateAtStart</c> off: stops the start while migrations are pending (the <c>migrate</c> command applies them).</summary>
    public static async Task EnsureDatabaseMigratedAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count == 0) return;
        throw new OptionsValidationException(DatabaseOptions.Section, typeof(DatabaseOptions),
        [
            $"'{DatabaseOptions.Section}:{nameof(DatabaseOptions.MigrateAtStart)}' is false and the database lacks {pending.Count} " +
            $"migration(s) ({string.Join(", ", pending)}): run 'dotnet AssetManager.WebApi.dll migrate' first.",
        ]);
    }
}
