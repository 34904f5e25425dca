using AssetManager.Application.Common.Persistence;
using AssetManager.Domain.Common;
using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AssetManager.Application.Projects.Commands.UpdateProject;

/// <summary>PUT (<paramref name="Partial"/> false: name required) or PATCH (only what is given changes).</summary>
public sealed record UpdateProjectCommand(int UserId, int ProjectId, string? Name, string? Description, bool Partial)
    : ICommand<ProjectDto>;

internal sealed class UpdateProjectHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<UpdateProjectCommand, ProjectDto>
{
    public async ValueTask<ProjectDto> Handle(UpdateProjectCommand command, CancellationToken cancellationToken)
    {
        var project = await db.Projects.OwnedBy(command.UserId)
            .FirstOrDefaultAsync(p => p.Id == command.ProjectId, cancellationToken) ?? throw new NotFoundException();
        var now = clock.GetUtcNow().UtcDateTime;
        if (command.Name is not null) project.Rename(command.Name.Trim(), now);
        // As DRF: an optional field left out keeps its value, on PUT as on PATCH.
        if (command.Description is not null) project.Describe(command.Description.Trim(), now);
        project.Touch(now);
        await db.SaveChangesAsync(cancellationToken);
        var boxCount = await db.Boxes.CountAsync(b => b.ProjectId == project.Id, cancellationToken);
        return project.Adapt<ProjectDto>() with { BoxCount = boxCount };
    }
}
