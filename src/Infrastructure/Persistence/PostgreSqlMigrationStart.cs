using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace AssetManager.Infrastructure.Persistence;

/// <summary>
/// What PostgreSQL needs before EF Core migrates, so that several instances starting at once on a new database neither
/// fail nor log errors. EF Core's own steps are safe there but noisy: Npgsql reads the history table before creating
/// it, and instances that race to create it (or the database) get an error each that it then ignores, logged as a
/// failure all the same. Here the database is created if missing (a lost race is no error), and the history table
/// under an advisory lock, one instance at a time. Then the whole migration runs under a session advisory lock: EF
/// Core's own lock on the history table is taken per migration's transaction, so an instance that waited could go on
/// to apply a later migration a first instance had already applied ("column already exists").
/// </summary>
internal static class PostgreSqlMigrationStart
{
    private const string MigrationLock = "SELECT pg_advisory_lock(hashtext('assetmanager-migrations'))";
    private const string MigrationUnlock = "SELECT pg_advisory_unlock(hashtext('assetmanager-migrations'))";

    /// <summary>Migrates with every other instance waiting: each then finds nothing left to apply.</summary>
    public static async Task MigrateAsync(DatabaseFacade database, CancellationToken ct)
    {
        await PrepareAsync(database, ct);
        await database.OpenConnectionAsync(ct); // the session lock lives as long as this connection
        try
        {
            await database.ExecuteSqlRawAsync(MigrationLock, ct);
            try
            {
                await database.MigrateAsync(ct);
            }
            finally
            {
                await database.ExecuteSqlRawAsync(MigrationUnlock, CancellationToken.None);
            }
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }

    private static async Task PrepareAsync(DatabaseFacade database, CancellationToken ct)
    {
        if (!await database.GetService<IRelationalDatabaseCreator>().ExistsAsync(ct))
            await CreateDatabaseAsync(database.GetConnectionString()!, ct);

        var createHistory = database.GetService<IHistoryRepository>().GetCreateIfNotExistsScript();
        await using var transaction = await database.BeginTransactionAsync(ct);
        await database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('__EFMigrationsHistory'))", ct);
        await database.ExecuteSqlRawAsync(createHistory, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>CREATE DATABASE from the maintenance database <c>postgres</c>, as EF Core would, but quiet when another instance was first.</summary>
    private static async Task CreateDatabaseAsync(string connectionString, CancellationToken ct)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new InvalidOperationException("The PostgreSQL connection string names no database.");
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(ct);
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"")}\"", connection);
        try
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another instance created it between this one's look and its CREATE DATABASE.
        }
    }
}
