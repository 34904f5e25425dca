using Microsoft.Extensions.Logging;

namespace AssetManager.UnitTests.TestSupport;

/// <summary>Keeps every entry written to it, with the exception and the formatted message.</summary>
public sealed class CapturingLogger<T> : ILogger<T>
{
    public sealed record Entry(LogLevel Level, Exception? Exception, string Message);

    public List<Entry> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Add(new Entry(logLevel, exception, formatter(state, exception)));
}
