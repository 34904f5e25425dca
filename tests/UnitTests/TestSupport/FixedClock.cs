namespace AssetManager.UnitTests.TestSupport;

/// <summary>A clock that always says the same instant (or whatever it is set to).</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset Default = new(2026, 2, 8, 1, 0, 0, TimeSpan.Zero);

    public FixedClock() : this(Default) { }

    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
