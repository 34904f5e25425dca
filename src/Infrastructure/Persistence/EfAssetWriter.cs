using AssetManager.Application.Assets;
using AssetManager.Application.Common.Persistence;
using AssetManager.Domain.Assets;
using Microsoft.EntityFrameworkCore;

namespace AssetManager.Infrastructure.Persistence;

/// <summary>The upload's row through EF Core's SaveChanges: the writer on SQL Server and PostgreSQL (and on SQLite in the handler's unit tests).</summary>
internal sealed class EfAssetWriter(AppDbContext db) : IAssetWriter
{
    public async Task AddAsync(Asset asset, CancellationToken cancellationToken)
    {
        db.Assets.Add(asset);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ForeignKeyViolation.Is(ex.InnerException))
        {
            db.Entry(asset).State = EntityState.Detached;
            throw new MissingReferenceException(ex);
        }
    }
}
