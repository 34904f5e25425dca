using AssetManager.Application.Common.Caching;

namespace AssetManager.Application.Accounts;

/// <summary>
/// Token hashes this process found valid within the last <see cref="RecentEntries{TKey,TValue}.Lifetime"/>, with their
/// users, so that a client's run of requests does not look its token up in the database each time. A logout here
/// revokes the hash before the row goes. Another instance sharing the database keeps honouring a revoked token for at
/// most the lifetime (docs/adr/0004-recently-authenticated-tokens.md has the measured reason).
/// </summary>
public sealed class RecentTokens(TimeProvider clock, TimeSpan lifetime) : RecentEntries<string, int>(clock, lifetime)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(30);
}
