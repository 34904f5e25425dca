using AssetManager.Application.Common.Persistence;
using AssetManager.Application.Common.Storage;
using AssetManager.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AssetManager.Application.Assets.Commands.DeleteAsset;

/// <summary>Deletes an asset's row (the database records its stored keys as it goes), then its file and renditions.</summary>
public sealed record DeleteAssetCommand(int UserId, int AssetId) : ICommand;

internal sealed class DeleteAssetHandler(IAppDbContext db, IObjectDeletions deletions) : ICommandHandler<DeleteAssetCommand>
{
    public async ValueTask<Unit> Handle(DeleteAssetCommand command, CancellationToken cancellationToken)
    {
        var asset = await db.Assets.OwnedBy(command.UserId)
            .FirstOrDefaultAsync(a => a.Id == command.AssetId, cancellationToken) ?? throw new NotFoundException();
        db.Assets.Remove(asset);
        await db.SaveChangesAsync(cancellationToken);
        await deletions.DeletePendingAsync(ObjectDeletionBatches.AfterARequest, CancellationToken.None);
        return Unit.Value;
    }
}
