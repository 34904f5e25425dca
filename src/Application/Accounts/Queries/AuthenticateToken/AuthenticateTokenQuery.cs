using AssetManager.Application.Common.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AssetManager.Application.Accounts.Queries.AuthenticateToken;

/// <summary>The user a token key belongs to, or null for an unknown or revoked key.</summary>
public sealed record AuthenticateTokenQuery(string TokenKey) : IQuery<int?>;

internal sealed class AuthenticateTokenHandler(IAppDbContext db, RecentTokens recent) : IQueryHandler<AuthenticateTokenQuery, int?>
{
    public async ValueTask<int?> Handle(AuthenticateTokenQuery query, CancellationToken cancellationToken)
    {
        var hash = TokenKeys.Hash(query.TokenKey);
        if (recent.TryGet(hash, out var known)) return known;
        var userId = await db.AuthTokens.AsNoTracking()
            .Where(t => t.KeyHash == hash)
            .Select(t => (int?)t.UserId)
            .FirstOrDefaultAsync(cancellationToken);
        if (userId is { } found) recent.Remember(hash, found);
        return userId;
    }
}
