using AssetManager.Application.Common.Paging;
using AssetManager.Application.Common.Persistence;
using AssetManager.Domain.AiModels;
using Mediator;

namespace AssetManager.Application.AiModels.Queries.ListAiModels;

public sealed record ListAiModelsQuery(PageRequest Page) : IQuery<Page<AiModelDto>>;

internal sealed class ListAiModelsHandler(IAppDbContext db) : IQueryHandler<ListAiModelsQuery, Page<AiModelDto>>
{
    public async ValueTask<Page<AiModelDto>> Handle(ListAiModelsQuery query, CancellationToken cancellationToken) =>
        await db.AiModels.OrderBy(m => m.Id).ToPageAsync<AiModel, AiModelDto>(query.Page, cancellationToken);
}
