using System.Threading.RateLimiting;
using AssetManager.Application.Accounts;
using Microsoft.Extensions.Options;

namespace AssetManager.WebApi.Auth.Throttling;

/// <summary>
/// This process's failed logins of the last window: a <see cref="SlidingWindowLog"/> of normalised usernames and one of
/// client addresses. Warns when a key reaches its limit, and (at most once a minute) when a log is full.
/// </summary>
public sealed class LoginFailures(IOptions<LoginThrottleOptions> options, TimeProvider clock, ILogger<LoginFailures> logger) : IDisposable
{
    private static readonly TimeSpan FullWarningInterval = TimeSpan.FromMinutes(1);

    private long _nextFullWarningTicks;

    public SlidingWindowLog ByUsername { get; } = new(options.Value.FailuresPerUsername, options.Value.Window, clock);

    public SlidingWindowLog ByAddress { get; } = new(options.Value.FailuresPerAddress, options.Value.Window, clock);

    /// <summary>
    /// Counts one failure against both keys, or against neither and returns the wait when either has none left (the
    /// longer wait when both are exhausted, as DRF reports its throttles' longest wait).
    /// </summary>
    public TimeSpan? TryCount(string usernameKey, string addressKey)
    {
        if (TryCount(ByUsername, usernameKey, "username") is { } byUsername)
            return Max(byUsername, Wait(ByAddress, addressKey));
        if (TryCount(ByAddress, addressKey, "client address") is { } byAddress)
        {
            ByUsername.Uncount(usernameKey);
            return byAddress;
        }
        return null;
    }

    public void Uncount(string usernameKey, string addressKey)
    {
        ByUsername.Uncount(usernameKey);
        ByAddress.Uncount(addressKey);
    }

    private static TimeSpan Max(TimeSpan wait, TimeSpan? other) => other > wait ? other.Value : wait;

    private static TimeSpan? Wait(SlidingWindowLog log, string key)
    {
        using var lease = log.AttemptAcquire(key, 0);
        return lease.IsAcquired ? null : RetryAfter(lease, log);
    }

    private TimeSpan? TryCount(SlidingWindowLog log, string key, string kind)
    {
        using (var lease = log.AttemptAcquire(key, 1))
            if (!lease.IsAcquired) return RetryAfter(lease, log);
        // This one used up the key's failures (counted in advance: its password may yet turn out right).
        if (Wait(log, key) is { } wait)
            logger.LogWarning("{Limit} failed logins for {Kind} {Key} within {Window}; its logins are throttled for {Wait}",
                log.Limit, kind, key, log.Window, wait);
        if (log.IsFull && IsTimeForFullWarning())
            logger.LogWarning("The login throttle holds its most {Kind}s ({Capacity}); failures of new ones are not counted until old ones expire",
                kind, SlidingWindowLog.Capacity);
        return null;
    }

    private static TimeSpan RetryAfter(RateLimitLease refusal, SlidingWindowLog log) =>
        refusal.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : log.Window;

    private bool IsTimeForFullWarning()
    {
        var now = clock.GetUtcNow().UtcTicks;
        var due = Interlocked.Read(ref _nextFullWarningTicks);
        return now >= due && Interlocked.CompareExchange(ref _nextFullWarningTicks, now + FullWarningInterval.Ticks, due) == due;
    }

    public void Dispose()
    {
        ByUsername.Dispose();
        ByAddress.Dispose();
    }
}
