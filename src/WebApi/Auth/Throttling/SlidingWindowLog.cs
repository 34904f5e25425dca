using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace AssetManager.WebApi.Auth.Throttling;

/// <summary>
/// A <see cref="PartitionedRateLimiter{TResource}"/> that counts events per key over a sliding window, as DRF's
/// throttles do (a log of their times): a key with <see cref="Limit"/> events in the last <see cref="Window"/> is
/// refused until the oldest of them leaves the window, and the refusal says when (<see cref="MetadataName.RetryAfter"/>).
/// <c>AttemptAcquire(key, 0)</c> asks without counting; <c>AttemptAcquire(key, 1)</c> counts one event, and
/// <see cref="Uncount"/> takes the latest one back.
/// <para>
/// Not the framework's SlidingWindowRateLimiter partitions: their refusals carry no Retry-After, their window slides
/// by a timer per partition (or the partitioned limiter's 100 ms walk over all of them) rather than a
/// <see cref="TimeProvider"/>, and nothing bounds how many partitions a spray of new keys creates. Here a key costs
/// only while it has events in the window, at most <see cref="Capacity"/> keys are kept, and keys whose events have all
/// left the window are swept now and then. When full, events of new keys are not counted until a sweep makes room:
/// keys already counted stay counted (a spray cannot reset them), and the accounts themselves stay protected by
/// Identity's lockout, which lives in the database.
/// </para>
/// </summary>
public sealed class SlidingWindowLog(int limit, TimeSpan window, TimeProvider clock) : PartitionedRateLimiter<string>
{
    public const int Capacity = 10_000;

    private static readonly TimeSpan LongestSweepInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Log> _logs = new(StringComparer.Ordinal);
    private readonly TimeSpan _sweepInterval = window < LongestSweepInterval ? window : LongestSweepInterval;
    private long _nextSweepTicks;

    public int Limit { get; } = limit;

    public TimeSpan Window { get; } = window;

    /// <summary>Keys with events in memory.</summary>
    public int Count => _logs.Count;

    public bool IsFull => _logs.Count >= Capacity;

    public override RateLimiterStatistics? GetStatistics(string key) => new()
    {
        CurrentAvailablePermits = _logs.TryGetValue(key, out var log) ? Limit - log.CountAt(clock.GetUtcNow().UtcTicks, Window.Ticks) : Limit,
    };

    protected override RateLimitLease AttemptAcquireCore(string key, int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, 1);
        var now = clock.GetUtcNow().UtcTicks;
        if (permitCount == 0)
            return _logs.TryGetValue(key, out var seen) ? seen.Check(now, Limit, Window.Ticks) : Lease.Acquired;

        SweepNowAndThen(now);
        while (true)
        {
            if (!_logs.TryGetValue(key, out var log))
            {
                if (IsFull) return Lease.Acquired; // not counted: see the summary
                log = _logs.GetOrAdd(key, _ => new Log());
            }
            if (log.TryAdd(now, Limit, Window.Ticks) is { } lease) return lease;
            // the sweep retired this log between the lookup and the add: count in a new one
        }
    }

    /// <summary>
    /// Takes back the key's latest event (a login counted as failed in advance that succeeded). The latest rather than
    /// the caller's own, which may be older by a login's duration if another came meanwhile: the same count, and a
    /// window a fraction of a second shorter at most.
    /// </summary>
    public void Uncount(string key)
    {
        if (_logs.TryGetValue(key, out var log)) log.RemoveLatest();
    }

    /// <summary>Never waits: a refusal is the answer.</summary>
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(string key, int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(key, permitCount));

    private void SweepNowAndThen(long now)
    {
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now < due || Interlocked.CompareExchange(ref _nextSweepTicks, now + _sweepInterval.Ticks, due) != due) return;
        foreach (var (key, log) in _logs)
            log.RetireIfEmpty(now, Window.Ticks, () => _logs.TryRemove(new KeyValuePair<string, Log>(key, log)));
    }

    /// <summary>One key's event times (UTC ticks), oldest first, never more than the limit.</summary>
    private sealed class Log
    {
        private readonly List<long> _times = [];
        private bool _retired;

        private object Lock => _times;

        public int CountAt(long now, long window)
        {
            lock (Lock)
            {
                DropOlderThan(now - window);
                return _times.Count;
            }
        }

        public RateLimitLease Check(long now, int limit, long window)
        {
            lock (Lock)
            {
                DropOlderThan(now - window);
                return _times.Count < limit ? Lease.Acquired : Lease.Refused(_times[0] + window - now);
            }
        }

        /// <summary>Null when this log was retired and the caller must use a new one.</summary>
        public RateLimitLease? TryAdd(long now, int limit, long window)
        {
            lock (Lock)
            {
                if (_retired) return null;
                DropOlderThan(now - window);
                if (_times.Count >= limit) return Lease.Refused(_times[0] + window - now);
                _times.Add(now);
                return Lease.Acquired;
            }
        }

        public void RetireIfEmpty(long now, long window, Action remove)
        {
            lock (Lock)
            {
                DropOlderThan(now - window);
                if (_times.Count > 0) return;
                _retired = true;
                remove();
            }
        }

        public void RemoveLatest()
        {
            lock (Lock)
                if (_times.Count > 0) _times.RemoveAt(_times.Count - 1);
        }

        private void DropOlderThan(long start)
        {
            var expired = 0;
            while (expired < _times.Count && _times[expired] <= start) expired++;
            _times.RemoveRange(0, expired);
        }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Acquired = new(true, null);

        public static Lease Refused(long waitTicks) => new(false, TimeSpan.FromTicks(waitTicks));

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }

        protected override void Dispose(bool disposing) { }
    }
}
