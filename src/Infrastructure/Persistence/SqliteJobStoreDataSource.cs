using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace AssetManager.Infrastructure.Persistence;

/// <summary>
/// The job engine's connections to the SQLite database, with the application's <see cref="SqlitePragmas"/>. Quartz
/// writes (a request for renditions, a trigger fired, a job done: several transactions per upload) outside the
/// application's <see cref="SqliteWriteLock"/>; without the pragmas each of its commits waited for the disk
/// (<c>synchronous=FULL</c>) and whichever side met the other's open transaction slept 150 ms (no <c>busy_timeout</c>):
/// uploads through the service queued behind both (p99 0.5-1 s, docs/performance.md).
/// </summary>
internal sealed class SqliteJobStoreDataSource(string connectionString) : DbDataSource
{
    public override string ConnectionString => connectionString;

    protected override DbConnection CreateDbConnection()
    {
        var connection = new SqliteConnection(connectionString);
        connection.StateChange += (sender, change) =>
        {
            if (change.CurrentState == ConnectionState.Open) SqlitePragmas.ApplyOnFirstOpen((DbConnection)sender!);
        };
        return connection;
    }
}
