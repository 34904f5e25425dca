using AssetManager.Application.Common.Persistence;
using AssetManager.Domain.Common;
using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AssetManager.Application.AiModels.Queries.GetAiModel;

public sealed record GetAiModelQuery(int AiModelId) : IQuery<AiModelDto>;

internal sealed class GetAiModelHandler(IAppDbContext db) : IQueryHandler<GetAiModelQuery, AiModelDto>
{
    public async ValueTask<AiModelDto> Handle(GetAiModelQuery query, CancellationToken cancellationToken) =>
        await db.AiModels.Where(m => m.Id == query.AiModelId).ProjectToType<AiModelDto>().FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException();
}
