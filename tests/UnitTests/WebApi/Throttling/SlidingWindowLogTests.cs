using System.Threading.RateLimiting;
using AssetManager.UnitTests.TestSupport;
using AssetManager.WebApi.Auth.Throttling;

namespace AssetManager.UnitTests.WebApi.Throttling;

public sealed class SlidingWindowLogTests : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private readonly FixedClock _clock = new();
    private readonly SlidingWindowLog _log;

    public SlidingWindowLogTests() => _log = new SlidingWindowLog(3, Window, _clock);

    public void Dispose() => _log.Dispose();

    private bool Count(string key)
    {
        using var lease = _log.AttemptAcquire(key, 1);
        return lease.IsAcquired;
    }

    /// <summary>Null when the key may go ahead, else the refusal's Retry-After.</summary>
    private TimeSpan? Wait(string key)
    {
        using var lease = _log.AttemptAcquire(key, 0);
        if (lease.IsAcquired) return null;
        Assert.True(lease.TryGetMetadata(MetadataName.RetryAfter, out var wait));
        return wait;
    }

    [Fact]
    public void A_key_with_the_limit_of_events_in_the_window_waits_until_the_oldest_leaves_it()
    {
        Assert.True(Count("k"));
        _clock.Now += TimeSpan.FromMinutes(5);
        Assert.True(Count("k"));
        _clock.Now += TimeSpan.FromMinutes(5);
        Assert.Null(Wait("k"));
        Assert.True(Count("k"));

        Assert.Equal(TimeSpan.FromMinutes(5), Wait("k")); // the first event, 10 minutes old, leaves in 5
        Assert.False(Count("k"));
        _clock.Now += TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1);
        Assert.Equal(TimeSpan.FromSeconds(1), Wait("k"));

        _clock.Now += TimeSpan.FromSeconds(1);
        Assert.Null(Wait("k"));
        Assert.True(Count("k"));
        Assert.Equal(TimeSpan.FromMinutes(5), Wait("k")); // now the second event's turn
    }

    [Fact]
    public void Asking_does_not_count_and_keys_are_counted_apart()
    {
        for (var i = 0; i < 100; i++) Assert.Null(Wait("k"));
        Assert.Equal(0, _log.Count); // asking about a key keeps nothing

        for (var i = 0; i < 3; i++) Assert.True(Count("a"));

        Assert.NotNull(Wait("a"));
        Assert.Null(Wait("b"));
        Assert.Null(Wait("A")); // keys are compared as they are; callers normalise
        Assert.Equal(3, _log.GetStatistics("b")!.CurrentAvailablePermits);
        Assert.Equal(0, _log.GetStatistics("a")!.CurrentAvailablePermits);
    }

    [Fact]
    public void Uncount_takes_the_latest_event_back()
    {
        for (var i = 0; i < 3; i++) Assert.True(Count("k"));

        _log.Uncount("k");
        _log.Uncount("never-counted");

        Assert.Null(Wait("k"));
        Assert.True(Count("k"));
        Assert.NotNull(Wait("k"));
    }

    [Fact]
    public void Only_one_event_at_a_time_and_never_a_queue()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _log.AttemptAcquire("k", 2));
        for (var i = 0; i < 3; i++) Assert.True(Count("k"));

        var lease = _log.AcquireAsync("k", 1).AsTask();

        Assert.True(lease.IsCompleted); // refused at once, not queued until a permit comes back
        Assert.False(lease.Result.IsAcquired);
    }

    [Fact]
    public void A_spray_of_new_keys_cannot_grow_it_past_its_capacity_nor_reset_a_counted_key()
    {
        for (var i = 0; i < 3; i++) Assert.True(Count("victim"));

        for (var i = 0; i < SlidingWindowLog.Capacity + 5_000; i++) Count("spray" + i);

        Assert.Equal(SlidingWindowLog.Capacity, _log.Count);
        Assert.NotNull(Wait("victim"));
        Assert.True(Count("one-more")); // not counted, not refused either: the failure still costs its password check
        Assert.Null(Wait("one-more"));

        // once the window has passed, the next count sweeps the keys whose events have all left it
        _clock.Now += Window;
        Assert.True(Count("later"));
        Assert.Equal(1, _log.Count);
        Assert.Null(Wait("victim"));
    }

    [Fact]
    public void Keys_whose_events_left_the_window_leave_memory()
    {
        for (var i = 0; i < 100; i++) Count("old" + i);
        _clock.Now += TimeSpan.FromMinutes(14);
        Count("recent");
        Assert.Equal(101, _log.Count);

        _clock.Now += TimeSpan.FromMinutes(1); // the old ones' window has passed, the recent one's has not

        Count("new");
        Assert.Equal(2, _log.Count);
        Assert.Equal(2, _log.GetStatistics("recent")!.CurrentAvailablePermits);
    }
}
