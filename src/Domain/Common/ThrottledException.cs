namespace AssetManager.Domain.Common;

/// <summary>
/// DRF's Throttled: 429 with "Request was throttled. Expected available in N seconds." and <c>Retry-After: N</c>,
/// N the wait rounded up to whole seconds (at least 1).
/// </summary>
public sealed class ThrottledException : DomainException
{
    public ThrottledException(TimeSpan wait) : this(Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))) { }

    private ThrottledException(int waitSeconds)
        : base($"Request was throttled. Expected available in {waitSeconds} second{(waitSeconds == 1 ? "" : "s")}.") =>
        WaitSeconds = waitSeconds;

    public int WaitSeconds { get; }
}
