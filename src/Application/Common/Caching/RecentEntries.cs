using System.Collections.Concurrent;

namespace AssetManager.Application.Common.Caching;

/// <summary>
/// Facts this process read from the database within the last <see cref="Lifetime"/>, so that a run of requests does
/// not read them again. <see cref="Revoke"/> marks a key before its row changes or goes, so that a read racing the
/// change cannot remember the old value; the mark lasts as long as an entry would. A zero lifetime keeps nothing.
/// </summary>
public abstract class RecentEntries<TKey, TValue>(TimeProvider clock, TimeSpan lifetime) where TKey : notnull
{
    /// <summary>Entries kept at most; beyond it new ones are read each time until entries expire.</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<TKey, Entry> _entries = new();
    private long _nextSweepTicks;

    public TimeSpan Lifetime { get; } = lifetime > TimeSpan.Zero ? lifetime : TimeSpan.Zero;

    internal int Count => _entries.Count;

    public bool TryGet(TKey key, out TValue value)
    {
        if (_entries.TryGetValue(key, out var entry) && !entry.Revoked && entry.ExpiresAt > clock.GetUtcNow())
        {
            value = entry.Value;
            return true;
        }
        value = default!;
        return false;
    }

    public virtual void Remember(TKey key, TValue value)
    {
        if (Lifetime == TimeSpan.Zero) return;
        var now = clock.GetUtcNow();
        SweepExpiredNowAndThen(now);
        if (_entries.Count >= Capacity) return;
        var fresh = new Entry(value, false, now + Lifetime);
        _entries.AddOrUpdate(key, fresh, (_, old) => old.IsRevokedAt(now) ? old : fresh);
    }

    /// <summary>Always kept, whatever the capacity: the mark is what stops a racing read.</summary>
    public void Revoke(TKey key)
    {
        if (Lifetime == TimeSpan.Zero) return;
        var now = clock.GetUtcNow();
        SweepExpiredNowAndThen(now);
        _entries[key] = new Entry(default!, true, now + Lifetime);
    }

    /// <summary>Revokes every entry whose value matches (a walk over all of them: for rare events only).</summary>
    public void RevokeWhere(Func<TValue, bool> match)
    {
        foreach (var (key, entry) in _entries)
            if (!entry.Revoked && match(entry.Value)) Revoke(key);
    }

    /// <summary>Whether <see cref="Revoke"/> marked the key within the last lifetime.</summary>
    public bool IsRevoked(TKey key) => _entries.TryGetValue(key, out var entry) && entry.IsRevokedAt(clock.GetUtcNow());

    /// <summary>Once per lifetime, so that keys no longer used do not stay in memory until the capacity is reached.</summary>
    private void SweepExpiredNowAndThen(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweepTicks, (now + Lifetime).UtcTicks, due) != due)
            return;
        foreach (var (key, entry) in _entries)
            // only if unchanged since read: a revocation written meanwhile stays
            if (entry.ExpiresAt <= now) _entries.TryRemove(new KeyValuePair<TKey, Entry>(key, entry));
    }

    private readonly record struct Entry(TValue Value, bool Revoked, DateTimeOffset ExpiresAt)
    {
        public bool IsRevokedAt(DateTimeOffset now) => Revoked && ExpiresAt > now;
    }
}
