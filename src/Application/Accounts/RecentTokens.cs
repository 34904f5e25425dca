using AssetManager.Application.Common.Caching;

namespace AssetManager.Application.Accounts;

/// <summary>
/// Token hashes this process found valid within the last <see cref="RecentEntries{TKey,TValue}.Lifetime"/>, with their
/// users, so that a client's run of requests does not look its token up in the database each time. A logout here
/// revokes the hash before the row goes, a logout everywhere the user (<see cref="RevokeUser"/>) before the rows go.
/// Another instance sharing the database keeps honouring a revoked token for at most the lifetime
/// (docs/adr/0004-recently-authenticated-tokens.md has the measured reason).
/// </summary>
public sealed class RecentTokens(TimeProvider clock, TimeSpan lifetime) : RecentEntries<string, int>(clock, lifetime)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(30);

    private readonly RevokedUsers _revokedUsers = new(clock, lifetime);

    /// <summary>
    /// Not for a user who logged out everywhere within the lifetime: a lookup that read one of their rows just before
    /// the logout deleted it cannot bring the token back. Checked again after remembering, because a
    /// <see cref="RevokeUser"/> between the first check and the entry would not have found the entry to revoke.
    /// </summary>
    public override void Remember(string hash, int userId)
    {
        if (_revokedUsers.IsRevoked(userId)) return;
        base.Remember(hash, userId);
        if (_revokedUsers.IsRevoked(userId)) Revoke(hash);
    }

    /// <summary>
    /// Logout everywhere: every remembered token of the user stops being honoured at once. The walk over the entries
    /// costs only this rare call; the lookup of every request (<see cref="RecentEntries{TKey,TValue}.TryGet"/>) is unchanged.
    /// </summary>
    public void RevokeUser(int userId)
    {
        _revokedUsers.Revoke(userId);
        RevokeWhere(user => user == userId);
    }

    /// <summary>Users who logged out everywhere within the lifetime (only revocation marks are kept here).</summary>
    private sealed class RevokedUsers(TimeProvider clock, TimeSpan lifetime) : RecentEntries<int, bool>(clock, lifetime);
}
