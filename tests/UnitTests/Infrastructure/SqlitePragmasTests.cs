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

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}
