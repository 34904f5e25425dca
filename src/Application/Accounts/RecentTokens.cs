using System.Collections.Concurrent;

namespace AssetManager.Application.Accounts;

/// <summary>
/// Token hashes this process found valid in the last <see cref="Lifetime"/>, with their users, so that a client's
/// run of requests does not look its token up in the database each time (a seventh of the service's CPU per small
/// upload, docs/performance.md). A logout here takes effect at once: the hash is marked revoked, and a lookup that
/// raced the logout cannot bring it back. Another instance sharing the database keeps honouring a revoked token for
/// at most <see cref="Lifetime"/> (docs/adr/0004-recently-authenticated-tokens.md).
/// </summary>
public sealed class RecentTokens(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    /// <summary>Beyond this many entries, expired ones are dropped; if none are, new tokens are not kept.</summary>
    public const int Capacity = 100_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public bool TryGetUser(string tokenHash, out int userId)
    {
        if (_entries.TryGetValue(tokenHash, out var entry) && entry.UserId is { } id && entry.ExpiresAt > clock.GetUtcNow())
        {
            userId = id;
            return true;
        }
        userId = 0;
        return false;
    }

    public void Remember(string tokenHash, int userId)
    {
        var now = clock.GetUtcNow();
        if (_entries.Count >= Capacity && !DropExpired(now)) return;
        var fresh = new Entry(userId, now + Lifetime);
        _entries.AddOrUpdate(tokenHash, fresh, (_, old) => old.IsRevokedAt(now) ? old : fresh);
    }

    public void Revoke(string tokenHash) => _entries[tokenHash] = new Entry(null, clock.GetUtcNow() + Lifetime);

    private bool DropExpired(DateTimeOffset now)
    {
        foreach (var (hash, entry) in _entries)
            if (entry.ExpiresAt <= now) _entries.TryRemove(new KeyValuePair<string, Entry>(hash, entry));
        return _entries.Count < Capacity;
    }

    private readonly record struct Entry(int? UserId, DateTimeOffset ExpiresAt)
    {
        public bool IsRevokedAt(DateTimeOffset now) => UserId is null && ExpiresAt > now;
    }
}
