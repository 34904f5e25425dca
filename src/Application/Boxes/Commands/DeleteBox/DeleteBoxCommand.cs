using AssetManager.Application.Common.Persistence;
using AssetManager.Application.Common.Storage;
using AssetManager.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AssetManager.Application.Boxes.Commands.DeleteBox;

/// <summary>
/// Deletes a box; the database deletes its assets with it and records their stored keys in the same transaction, so an
/// upload that lands while the box goes leaves no file behind either. Then the recorded files are deleted.
/// </summary>
public sealed record DeleteBoxCommand(int UserId, int BoxId) : ICommand;

internal sealed class DeleteBoxHandler(IAppDbContext db, IObjectDeletions deletions) : ICommandHandler<DeleteBoxCommand>
{
    public async ValueTask<Unit> Handle(DeleteBoxCommand command, CancellationToken cancellationToken)
    {
        var box = await db.Boxes.OwnedBy(command.UserId)
            .FirstOrDefaultAsync(b => b.Id == command.BoxId, cancellationToken) ?? throw new NotFoundException();
        db.Boxes.Remove(box);
        await db.SaveChangesAsync(cancellationToken);
        await deletions.DeletePendingAsync(ObjectDeletionBatches.AfterARequest, CancellationToken.None);
        return Unit.Value;
    }
}
