using AssetManager.Application.Common.Paging;
using AssetManager.Application.Common.Persistence;
using AssetManager.Domain.Boxes;
using Mediator;

namespace AssetManager.Application.Boxes.Queries.ListBoxes;

/// <summary>The caller's boxes, optionally of one project.</summary>
public sealed record ListBoxesQuery(int UserId, int? ProjectId, PageRequest Page) : IQuery<Page<BoxDto>>;

internal sealed class ListBoxesHandler(IAppDbContext db) : IQueryHandler<ListBoxesQuery, Page<BoxDto>>
{
    public async ValueTask<Page<BoxDto>> Handle(ListBoxesQuery query, CancellationToken cancellationToken)
    {
        var boxes = db.Boxes.OwnedBy(query.UserId);
        if (query.ProjectId is { } projectId) boxes = boxes.Where(b => b.ProjectId == projectId);
        return await boxes.OrderBy(b => b.CreatedAt).ThenBy(b => b.Id)
            .ToPageAsync<Box, BoxDto>(query.Page, cancellationToken);
    }
}
