using AssetManager.Application.Common.Persistence;
using AssetManager.Application.Common.Storage;
using AssetManager.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AssetManager.Application.Assets.Commands.DeleteAsset;

/// <summary>Deletes an asset's row, then its stored file and thumbnail.</summary>
public sealed record DeleteAssetCommand(int UserId, int AssetId) : ICommand;

internal sealed class DeleteAssetHandler(IAppDbContext db, IObjectStorage storage, ILogger<DeleteAssetHandler> logger)
    : ICommandHandler<DeleteAssetCommand>
{
    public async ValueTask<Unit> Handle(DeleteAssetCommand command, CancellationToken cancellationToken)
    {
        var asset = await db.Assets.OwnedBy(command.UserId)
            .FirstOrDefaultAsync(a => a.Id == command.AssetId, cancellationToken) ?? throw new NotFoundException();
        var keys = asset.StoredKeys().ToList();
        db.Assets.Remove(asset);
        await db.SaveChangesAsync(cancellationToken);
        await storage.DeleteQuietlyAsync(keys, logger);
        return Unit.Value;
    }
}
