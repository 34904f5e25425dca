using AssetManager.Application.Common.Persistence;
using AssetManager.Domain.Common;
using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AssetManager.Application.Boxes.Queries.GetBox;

public sealed record GetBoxQuery(int UserId, int BoxId) : IQuery<BoxDto>;

internal sealed class GetBoxHandler(IAppDbContext db) : IQueryHandler<GetBoxQuery, BoxDto>
{
    public async ValueTask<BoxDto> Handle(GetBoxQuery query, CancellationToken cancellationToken) =>
        await db.Boxes.OwnedBy(query.UserId).Where(b => b.Id == query.BoxId)
            .ProjectToType<BoxDto>().FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException();
}
