using AssetManager.Application.Common.Persistence;
using AssetManager.Domain.Projects;
using Mapster;
using Mediator;

namespace AssetManager.Application.Projects.Commands.CreateProject;

public sealed record CreateProjectCommand(int UserId, string? Name, string? Description) : ICommand<ProjectDto>;

internal sealed class CreateProjectHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<CreateProjectCommand, ProjectDto>
{
    public async ValueTask<ProjectDto> Handle(CreateProjectCommand command, CancellationToken cancellationToken)
    {
        var project = Project.Create(command.UserId, command.Name!.Trim(), (command.Description ?? "").Trim(), clock.GetUtcNow().UtcDateTime);
        db.Projects.Add(project);
        await db.SaveChangesAsync(cancellationToken);
        return project.Adapt<ProjectDto>();
    }
}
