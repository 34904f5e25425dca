using AssetManager.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AssetManager.UnitTests.Infrastructure;

public sealed class SqlitePragmasTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"am-pragmas-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Every_open_connection_syncs_normally_also_pooled_and_new_ones()
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite($"Data Source={_path}").AddInterceptors(new SqlitePragmas()).Options;

        var seen = new List<long>();
        for (var open = 0; open < 4; open++)
        {
            await using var db = new SqliteAppDbContext(options);
            await db.Database.OpenConnectionAsync();
            await using (var command = db.Database.GetDbConnection().CreateCommand())
            {
                command.CommandText = "PRAGMA synchronous;";
                seen.Add((long)(await command.ExecuteScalarAsync())!);
            }
            await db.Database.CloseConnectionAsync();
            if (open == 1) SqliteConnection.ClearAllPools(); // the next open gets a new native connection
        }

        Assert.Equal([1L, 1L, 1L, 1L], seen); // NORMAL; SQLite's default is FULL (2)
    }

    [Fact]
    public async Task Application_and_job_engine_connections_wait_inside_SQLite_for_a_busy_database()
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite($"Data Source={_path}").AddInterceptors(new SqlitePragmas()).Options;
        await using (var db = new SqliteAppDbContext(options))
        {
            await db.Database.OpenConnectionAsync();
            Assert.Equal(5000L, await PragmaAsync(db.Database.GetDbConnection(), "busy_timeout"));
        }

        await using var jobStore = new SqliteJobStoreDataSource($"Data Source={_path}");
        var seen = new List<long>();
        for (var open = 0; open < 3; open++)
        {
            await using var connection = await jobStore.OpenConnectionAsync();
            seen.Add(await PragmaAsync(connection, "busy_timeout"));
            seen.Add(await PragmaAsync(connection, "synchronous"));
            if (open == 1) SqliteConnection.ClearAllPools();
        }

        Assert.Equal([5000L, 1L, 5000L, 1L, 5000L, 1L], seen); // SQLite's default busy_timeout is 0
    }

    private static async Task<long> PragmaAsync(System.Data.Common.DbConnection connection, string name)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}
