using Microsoft.EntityFrameworkCore;

namespace AssetManager.Infrastructure.Persistence;

/// <summary>
/// The SQLite flavour of the model; migrations in Persistence/Migrations/Sqlite. Saves take turns on the database's
/// <see cref="SqliteWriteLock"/>.
/// </summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var writeLock = WriteLock();
        writeLock.Wait();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            writeLock.Release();
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var writeLock = WriteLock();
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            writeLock.Release();
        }
    }

    private SemaphoreSlim WriteLock() => SqliteWriteLock.For(Database.GetConnectionString() ?? "");
}
