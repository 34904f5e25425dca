using AssetManager.Application.Common.Jobs;
using AssetManager.Infrastructure.Jobs;

namespace AssetManager.UnitTests.Infrastructure.Jobs;

/// <summary>When the job engine stands by for uploads, on a clock the test moves.</summary>
public sealed class UploadYieldPolicyTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    private readonly SteppingClock _clock = new();
    private readonly UploadActivity _uploads;
    private readonly UploadYieldPolicy _policy;

    public UploadYieldPolicyTests()
    {
        _uploads = new UploadActivity(_clock);
        _policy = new UploadYieldPolicy(_uploads, Bound, _clock);
        _clock.Advance(UploadYieldPolicy.MinimumRun); // the engine has run since the service started
    }

    [Fact]
    public void It_runs_while_nothing_is_uploaded()
    {
        for (var look = 0; look < 50; look++)
        {
            Assert.False(_policy.ShouldYield());
            _clock.Advance(TimeSpan.FromMilliseconds(100));
        }
    }

    [Fact]
    public void It_yields_while_an_upload_streams()
    {
        _uploads.Began();

        Assert.True(_policy.ShouldYield());
        _clock.Advance(Bound - TimeSpan.FromMilliseconds(100));
        Assert.True(_policy.ShouldYield());
    }

    [Fact]
    public void It_resumes_once_the_uploads_have_been_quiet_for_a_moment()
    {
        _uploads.Began();
        Assert.True(_policy.ShouldYield());
        _clock.Advance(TimeSpan.FromSeconds(1));
        _uploads.Ended();

        _clock.Advance(UploadYieldPolicy.Quiet - TimeSpan.FromMilliseconds(100));
        Assert.True(_policy.ShouldYield()); // the next upload often follows at once
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.False(_policy.ShouldYield());
    }

    [Fact]
    public void Under_a_continuous_stream_the_engine_runs_as_long_as_it_stood_by()
    {
        _uploads.Began();
        Assert.True(_policy.ShouldYield());

        _clock.Advance(Bound);
        Assert.False(_policy.ShouldYield());
        _policy.JobStarted(); // a job starting does not end a turn it is owed
        _clock.Advance(Bound - TimeSpan.FromMilliseconds(100));
        Assert.False(_policy.ShouldYield());
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True(_policy.ShouldYield());
        _clock.Advance(Bound);
        Assert.False(_policy.ShouldYield()); // and so on: half the time each
    }

    [Fact]
    public void A_job_started_in_an_earlier_turn_does_not_shorten_the_next()
    {
        _uploads.Began();
        Assert.True(_policy.ShouldYield());
        _policy.JobStarted(); // one already acquired as the engine stood by
        _uploads.Ended();
        _clock.Advance(UploadYieldPolicy.Quiet);
        Assert.False(_policy.ShouldYield());

        _uploads.Began();
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.False(_policy.ShouldYield());
    }

    [Fact]
    public void Between_two_bursts_a_job_that_starts_ends_the_engines_turn_early()
    {
        _uploads.Began();
        Assert.True(_policy.ShouldYield());
        _uploads.Ended();
        _clock.Advance(UploadYieldPolicy.Quiet);
        Assert.False(_policy.ShouldYield());

        _uploads.Began();
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        _policy.JobStarted();

        Assert.True(_policy.ShouldYield());
    }

    [Fact]
    public void Between_two_bursts_the_engine_runs_the_minimum_unless_a_job_starts()
    {
        _uploads.Began();
        Assert.True(_policy.ShouldYield());
        _uploads.Ended();
        _clock.Advance(UploadYieldPolicy.Quiet);
        Assert.False(_policy.ShouldYield());

        _uploads.Began();
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.False(_policy.ShouldYield());
        _clock.Advance(UploadYieldPolicy.MinimumRun);
        Assert.True(_policy.ShouldYield());
    }

    [Fact]
    public void Several_uploads_keep_it_yielding_until_the_last_one_ends()
    {
        _uploads.Began();
        _uploads.Began();
        Assert.True(_policy.ShouldYield());

        _uploads.Ended();
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, _uploads.InFlight);
        Assert.True(_policy.ShouldYield());
        _uploads.Ended();
        _clock.Advance(UploadYieldPolicy.Quiet);
        Assert.False(_policy.ShouldYield());
    }

    [Fact]
    public void A_bound_of_zero_never_yields()
    {
        var off = new UploadYieldPolicy(_uploads, TimeSpan.Zero, _clock);
        _uploads.Began();

        Assert.False(off.Enabled);
        for (var look = 0; look < 50; look++)
        {
            Assert.False(off.ShouldYield());
            _clock.Advance(TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>A monotonic clock that moves only when told.</summary>
    private sealed class SteppingClock : TimeProvider
    {
        private long _ticks = TimeSpan.TicksPerDay;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
