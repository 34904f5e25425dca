using AssetManager.Application.Common.Persistence;
using AssetManager.Domain.Common;
using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AssetManager.Application.Assets.Queries.GetAsset;

public sealed record GetAssetQuery(int UserId, int AssetId) : IQuery<AssetDto>;

internal sealed class GetAssetHandler(IAppDbContext db) : IQueryHandler<GetAssetQuery, AssetDto>
{
    public async ValueTask<AssetDto> Handle(GetAssetQuery query, CancellationToken cancellationToken) =>
        await db.Assets.AsNoTracking().OwnedBy(query.UserId).Where(a => a.Id == query.AssetId)
            .ProjectToType<AssetDto>().FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException();
}
