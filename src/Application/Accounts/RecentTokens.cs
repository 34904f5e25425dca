using System.Collections.Concurrent;

namespace AssetManager.Application.Accounts;

/// <summary>
/// Token hashes this process found valid within the last <see cref="Lifetime"/>, with their users, so that a client's
/// run of requests does not look its token up in the database each time (a seventh of the service's CPU per small
/// upload, docs/performance.md). A logout here marks the hash revoked before the row goes, so that a lookup racing
/// the logout cannot remember it again. Another instance sharing the database keeps honouring a revoked token for
/// at most <see cref="Lifetime"/> (docs/adr/0004-recently-authenticated-tokens.md); a zero lifetime keeps nothing.
/// </summary>
public sealed class RecentTokens(TimeProvider clock, TimeSpan lifetime)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(30);

    /// <summary>Valid tokens kept at most; beyond it new ones are looked up each time until entries expire.</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _nextSweepTicks;

    public TimeSpan Lifetime { get; } = lifetime > TimeSpan.Zero ? lifetime : TimeSpan.Zero;

    internal int Count => _entries.Count;

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
        if (Lifetime == TimeSpan.Zero) return;
        var now = clock.GetUtcNow();
        SweepExpiredNowAndThen(now);
        if (_entries.Count >= Capacity) return;
        var fresh = new Entry(userId, now + Lifetime);
        _entries.AddOrUpdate(tokenHash, fresh, (_, old) => old.IsRevokedAt(now) ? old : fresh);
    }

    /// <summary>Always kept, whatever the capacity: the mark is what stops a racing lookup.</summary>
    public void Revoke(string tokenHash)
    {
        if (Lifetime == TimeSpan.Zero) return;
        _entries[tokenHash] = new Entry(null, clock.GetUtcNow() + Lifetime);
    }

    /// <summary>Once per lifetime, so that tokens no longer used do not stay in memory until the capacity is reached.</summary>
    private void SweepExpiredNowAndThen(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweepTicks, (now + Lifetime).UtcTicks, due) != due)
            return;
        foreach (var (hash, entry) in _entries)
            // only if unchanged since read: a revocation written meanwhile stays
            if (entry.ExpiresAt <= now) _entries.TryRemove(new KeyValuePair<string, Entry>(hash, entry));
    }

    private readonly record struct Entry(int? UserId, DateTimeOffset ExpiresAt)
    {
        public bool IsRevokedAt(DateTimeOffset now) => UserId is null && ExpiresAt > now;
    }
}
