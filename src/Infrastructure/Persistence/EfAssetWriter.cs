using AssetManager.Application.Assets;
using AssetManager.Application.Common.Persistence;
using AssetManager.Domain.Assets;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AssetManager.Infrastructure.Persistence;

/// <summary>The upload's row through EF Core's SaveChanges: the writer on SQL Server (and on SQLite in the handler's unit tests).</summary>
internal sealed class EfAssetWriter(AppDbContext db) : IAssetWriter
{
    private const int SqlServerConstraintConflict = 547;
    private const int SqliteConstraintForeignKey = 787;

    public async Task AddAsync(Asset asset, CancellationToken cancellationToken)
    {
        db.Assets.Add(asset);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is SqlException { Number: SqlServerConstraintConflict }
                                               or SqliteException { SqliteExtendedErrorCode: SqliteConstraintForeignKey })
        {
            db.Entry(asset).State = EntityState.Detached;
            throw new MissingReferenceException(ex);
        }
    }
}
