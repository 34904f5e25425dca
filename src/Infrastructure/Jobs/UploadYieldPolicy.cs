using AssetManager.Application.Common.Jobs;

namespace AssetManager.Infrastructure.Jobs;

/// <summary>
/// Whether the job engine should stand by for uploads now: while they stream or ended less than <see cref="Quiet"/>
/// ago, but never longer than <c>bound</c> in a row. When the bound ends it while uploads still stream, the engine then
/// runs as long (an equal share: under a continuous stream renditions keep up at half speed rather than fall ever
/// further behind); when the uploads paused, it runs at least <see cref="MinimumRun"/>, or until a job starts, before
/// it yields to the next burst. A zero bound never yields.
/// </summary>
public sealed class UploadYieldPolicy(UploadActivity uploads, TimeSpan bound, TimeProvider clock)
{
    /// <summary>How long after the last upload ended the engine still waits: the next one often follows at once.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(500);

    public static readonly TimeSpan MinimumRun = TimeSpan.FromSeconds(1);

    private bool _yielding;
    private long _since = clock.GetTimestamp(); // when the engine last began to yield, or to run
    private volatile bool _jobStarted; // since it last began to run
    private bool _turnOwed; // the bound ended the last standby while uploads still streamed

    public bool Enabled => bound > TimeSpan.Zero;

    /// <summary>Told by the engine, on its own threads, when a job is about to run.</summary>
    public void JobStarted() => _jobStarted = true;

    /// <summary>Looks at the uploads and the time, and says whether the engine should be standing by.</summary>
    public bool ShouldYield()
    {
        if (!Enabled) return false;
        var busy = uploads.IsBusy(Quiet);
        var elapsed = clock.GetElapsedTime(_since);
        if (_yielding && !(busy && elapsed < bound)) Switch(yielding: false, turnOwed: busy);
        else if (!_yielding && busy && MayYield(elapsed)) Switch(yielding: true, turnOwed: false);
        return _yielding;
    }

    private bool MayYield(TimeSpan running) => _turnOwed ? running >= bound : running >= MinimumRun || _jobStarted;

    private void Switch(bool yielding, bool turnOwed)
    {
        _yielding = yielding;
        _turnOwed = turnOwed;
        _since = clock.GetTimestamp();
        if (!yielding) _jobStarted = false;
    }
}
