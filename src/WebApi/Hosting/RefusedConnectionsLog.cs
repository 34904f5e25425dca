using System.Diagnostics.Metrics;

namespace AssetManager.WebApi.Hosting;

/// <summary>
/// Kestrel logs a warning for every connection it refuses at its limit, so a flood of connections would be a flood of
/// log lines: that warning is filtered out (<c>Microsoft.AspNetCore.Server.Kestrel.Connections</c> at Error in
/// appsettings.json), and this logs one line a minute instead, from Kestrel's own count of refused connections.
/// </summary>
public sealed class RefusedConnectionsLog(IMeterFactory meters, ILogger<RefusedConnectionsLog> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    private long _refused;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Kestrel's meter comes from this host's factory: other hosts in the process (tests) are not counted here.
            if (instrument is { Name: "kestrel.rejected_connections", Meter.Name: "Microsoft.AspNetCore.Server.Kestrel" }
                && ReferenceEquals(instrument.Meter.Scope, meters))
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, count, _, _) => Interlocked.Add(ref _refused, count));
        listener.Start();

        using var timer = new PeriodicTimer(Period);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var refused = Interlocked.Exchange(ref _refused, 0);
                if (refused > 0)
                    logger.LogWarning("{Refused} connections refused in the last minute at the connection limit " +
                                      "(Kestrel:Limits:MaxConcurrentConnections, docs/security.md)", refused);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
