using AssetManager.Application.Common.Persistence;
using AssetManager.Application.Common.Storage;
using AssetManager.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AssetManager.Application.Projects.Commands.DeleteProject;

/// <summary>
/// Deletes a project; the database deletes its boxes and assets with it and records the assets' stored keys in the
/// same transaction (uploads landing meanwhile included). Then the recorded files are deleted.
/// </summary>
public sealed record DeleteProjectCommand(int UserId, int ProjectId) : ICommand;

internal sealed class DeleteProjectHandler(IAppDbContext db, IObjectDeletions deletions) : ICommandHandler<DeleteProjectCommand>
{
    public async ValueTask<Unit> Handle(DeleteProjectCommand command, CancellationToken cancellationToken)
    {
        var project = await db.Projects.OwnedBy(command.UserId)
            .FirstOrDefaultAsync(p => p.Id == command.ProjectId, cancellationToken) ?? throw new NotFoundException();
        db.Projects.Remove(project);
        await db.SaveChangesAsync(cancellationToken);
        await deletions.DeletePendingAsync(ObjectDeletionBatches.AfterARequest, CancellationToken.None);
        return Unit.Value;
    }
}
