using AssetManager.Application.Common.Persistence;
using AssetManager.Domain.Assets;

namespace AssetManager.Application.Assets;

/// <summary>
/// Inserts a new asset's row, the one write of an upload, and gives the asset its id. Apart from the unit of work:
/// on SQLite it is one prepared statement instead of EF Core's SaveChanges (docs/adr/0005-the-upload-writes-its-row-directly.md).
/// </summary>
public interface IAssetWriter
{
    /// <exception cref="MissingReferenceException">The asset's box or AI model is no longer in the database.</exception>
    Task AddAsync(Asset asset, CancellationToken cancellationToken);
}
