using AssetManager.Application.Common.Persistence;
using AssetManager.Domain.Common;
using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AssetManager.Application.Projects.Queries.GetProject;

public sealed record GetProjectQuery(int UserId, int ProjectId) : IQuery<ProjectDto>;

internal sealed class GetProjectHandler(IAppDbContext db) : IQueryHandler<GetProjectQuery, ProjectDto>
{
    public async ValueTask<ProjectDto> Handle(GetProjectQuery query, CancellationToken cancellationToken) =>
        await db.Projects.OwnedBy(query.UserId).Where(p => p.Id == query.ProjectId)
            .ProjectToType<ProjectDto>().FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException();
}
