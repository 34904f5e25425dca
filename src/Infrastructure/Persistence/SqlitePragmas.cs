using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AssetManager.Infrastructure.Persistence;

/// <summary>
/// Per-connection SQLite settings. In WAL mode <c>synchronous=NORMAL</c> still never corrupts the database; it
/// syncs at checkpoints instead of at every commit, so concurrent uploads do not queue behind one fsync each.
/// <c>busy_timeout</c>: a connection that finds another one writing waits inside SQLite, which tries again after
/// 1, 2, 5, 10 ms and so on; without it Microsoft.Data.Sqlite sleeps 150 ms before each new try. The application's
/// own writes take turns on <see cref="SqliteWriteLock"/>, but the job engine's do not (SqliteJobStoreDataSource).
/// EF Core opens a connection for almost every command, and Microsoft.Data.Sqlite hands out pooled native
/// connections, so the settings are applied once per native connection, not at every open.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;";
    private static readonly ConditionalWeakTable<object, object> Applied = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (FirstOpen(connection)) Apply(connection);
    }

    /// <summary>Sets the pragmas on an open connection: EF Core's, above, or one kept outside it (SqliteAssetWriter).</summary>
    public static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!FirstOpen(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Sets the pragmas on a connection just opened, unless its native connection has them already.</summary>
    public static void ApplyOnFirstOpen(DbConnection connection)
    {
        if (FirstOpen(connection)) Apply(connection);
    }

    private static bool FirstOpen(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || Applied.TryAdd(handle, handle);
}
