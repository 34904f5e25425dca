using AssetManager.Application.Common.Paging;
using AssetManager.Application.Common.Persistence;
using Mediator;

namespace AssetManager.Application.Projects.Queries.ListProjects;

public sealed record ListProjectsQuery(int UserId, PageRequest Page) : IQuery<Page<ProjectDto>>;

internal sealed class ListProjectsHandler(IAppDbContext db) : IQueryHandler<ListProjectsQuery, Page<ProjectDto>>
{
    public async ValueTask<Page<ProjectDto>> Handle(ListProjectsQuery query, CancellationToken cancellationToken) =>
        await db.Projects.OwnedBy(query.UserId)
            .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
            .ToPageAsync<Domain.Projects.Project, ProjectDto>(query.Page, cancellationToken);
}
