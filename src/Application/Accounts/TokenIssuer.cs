using AssetManager.Application.Common.Persistence;
using AssetManager.Domain.Accounts;

namespace AssetManager.Application.Accounts;

/// <summary>Creates a new token for a user and returns its key, which is shown only this once.</summary>
public static class TokenIssuer
{
    public static async Task<string> IssueAsync(this IAppDbContext db, int userId, DateTime utcNow, CancellationToken ct)
    {
        var key = TokenKeys.NewKey();
        db.AuthTokens.Add(new AuthToken(userId, TokenKeys.Hash(key), utcNow));
        await db.SaveChangesAsync(ct);
        return key;
    }
}
