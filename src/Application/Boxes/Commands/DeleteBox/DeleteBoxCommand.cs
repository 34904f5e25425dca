using AssetManager.Application.Common.Persistence;
using AssetManager.Application.Common.Storage;
using AssetManager.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AssetManager.Application.Boxes.Commands.DeleteBox;

/// <summary>Deletes a box and its assets, then the assets' stored files.</summary>
public sealed record DeleteBoxCommand(int UserId, int BoxId) : ICommand;

internal sealed class DeleteBoxHandler(
    IAppDbContext db, IObjectStorage storage, ILogger<DeleteBoxHandler> logger)
    : ICommandHandler<DeleteBoxCommand>
{
    public async ValueTask<Unit> Handle(DeleteBoxCommand command, CancellationToken cancellationToken)
    {
        var box = await db.Boxes.OwnedBy(command.UserId).Include(b => b.Assets)
            .FirstOrDefaultAsync(b => b.Id == command.BoxId, cancellationToken) ?? throw new NotFoundException();
        var keys = box.Assets.SelectMany(a => a.StoredKeys()).ToList();
        db.Boxes.Remove(box);
        await db.SaveChangesAsync(cancellationToken);
        await storage.DeleteQuietlyAsync(keys, logger);
        return Unit.Value;
    }
}
