using AssetManager.Application.Common.Persistence;
using AssetManager.Application.Common.Storage;
using AssetManager.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AssetManager.Application.Projects.Commands.DeleteProject;

/// <summary>Deletes a project, its boxes and assets, then the assets' stored files.</summary>
public sealed record DeleteProjectCommand(int UserId, int ProjectId) : ICommand;

internal sealed class DeleteProjectHandler(
    IAppDbContext db, IObjectStorage storage, ILogger<DeleteProjectHandler> logger)
    : ICommandHandler<DeleteProjectCommand>
{
    public async ValueTask<Unit> Handle(DeleteProjectCommand command, CancellationToken cancellationToken)
    {
        var project = await db.Projects.OwnedBy(command.UserId)
            .Include(p => p.Boxes).ThenInclude(b => b.Assets)
            .FirstOrDefaultAsync(p => p.Id == command.ProjectId, cancellationToken) ?? throw new NotFoundException();
        var keys = project.Boxes.SelectMany(b => b.Assets).SelectMany(a => a.StoredKeys()).ToList();
        db.Projects.Remove(project);
        await db.SaveChangesAsync(cancellationToken);
        await storage.DeleteQuietlyAsync(keys, logger);
        return Unit.Value;
    }
}
