using System.Collections.Concurrent;

namespace AssetManager.Infrastructure.Persistence;

/// <summary>
/// SQLite lets one connection write at a time, and Microsoft.Data.Sqlite answers a busy database by sleeping 150 ms
/// before it tries again, so concurrent uploads' inserts queued in 150 ms steps (docs/performance.md). Every write
/// to a database therefore takes turns on one async lock per connection string first, which costs no more than the write.
/// </summary>
internal static class SqliteWriteLock
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Locks = new(StringComparer.Ordinal);

    public static SemaphoreSlim For(string connectionString) =>
        Locks.GetOrAdd(connectionString, _ => new SemaphoreSlim(1, 1));
}
