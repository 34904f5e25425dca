namespace AssetManager.Application.Common.Jobs;

/// <summary>
/// The uploads streaming through this instance now, and when the last one ended. The job engine stands by while they
/// run, as renditions made meanwhile take the cores the uploads need (docs/jobs.md, "Renditions yield to uploads").
/// </summary>
public sealed class UploadActivity(TimeProvider clock)
{
    private int _inFlight;
    private long _lastEnded;
    private volatile bool _anyEnded;

    public int InFlight => Volatile.Read(ref _inFlight);

    public void Began() => Interlocked.Increment(ref _inFlight);

    public void Ended()
    {
        // the time first, so that whoever sees the count drop sees when it did
        Interlocked.Exchange(ref _lastEnded, clock.GetTimestamp());
        _anyEnded = true;
        Interlocked.Decrement(ref _inFlight);
    }

    /// <summary>Whether an upload runs, or the last one ended less than <paramref name="quiet"/> ago.</summary>
    public bool IsBusy(TimeSpan quiet) =>
        InFlight > 0 || (_anyEnded && clock.GetElapsedTime(Interlocked.Read(ref _lastEnded)) < quiet);
}
