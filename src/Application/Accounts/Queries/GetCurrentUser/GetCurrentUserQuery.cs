using AssetManager.Domain.Common;
using Mediator;

namespace AssetManager.Application.Accounts.Queries.GetCurrentUser;

public sealed record GetCurrentUserQuery(int UserId) : IQuery<UserDto>;

internal sealed class GetCurrentUserHandler(IIdentityService identity) : IQueryHandler<GetCurrentUserQuery, UserDto>
{
    public async ValueTask<UserDto> Handle(GetCurrentUserQuery query, CancellationToken cancellationToken) =>
        await identity.FindAsync(query.UserId, cancellationToken) ?? throw new NotFoundException();
}
