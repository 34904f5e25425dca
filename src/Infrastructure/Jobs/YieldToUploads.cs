using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace AssetManager.Infrastructure.Jobs;

/// <summary>
/// Puts this instance's scheduler in standby while <see cref="UploadYieldPolicy"/> says so, and starts it again after.
/// Standby is local to the process (pausing triggers would be stored in the shared job store, for every instance), it
/// stops new jobs only (one running goes on), and it delays the maintenance job alike. The scheduler is started again
/// only if this put it in standby, and never once the host is stopping.
/// </summary>
public sealed class YieldToUploads(
    ISchedulerFactory schedulers, UploadYieldPolicy policy, TimeProvider clock, ILogger<YieldToUploads> logger) : BackgroundService
{
    /// <summary>How often the uploads are looked at: the delay before an upload makes the engine stand by.</summary>
    private static readonly TimeSpan Look = TimeSpan.FromMilliseconds(100);

    private volatile bool _standingBy;

    /// <summary>
    /// Whether a scheduler reported in <paramref name="status"/> is only making way for uploads: the health check counts
    /// that as healthy, the status page says "yielding".
    /// </summary>
    public bool Explains(SchedulerStatus status) => status == SchedulerStatus.Standby && _standingBy;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!policy.Enabled) return;
        var scheduler = await schedulers.GetScheduler(stoppingToken);
        scheduler.ListenerManager.AddJobListener(new JobStarts(policy));
        using var timer = new PeriodicTimer(Look, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var yielding = policy.ShouldYield();
                if (yielding && !_standingBy) await StandByAsync(scheduler, stoppingToken);
                else if (!yielding && _standingBy) await ResumeAsync(scheduler, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // the host is stopping: the scheduler is shut down as it is, in standby or not
        }
    }

    private async Task StandByAsync(IScheduler scheduler, CancellationToken ct)
    {
        // not before the hosted service started it (the database is migrated first), nor once it is shutting down
        if (await scheduler.GetStatus(ct) != SchedulerStatus.Running) return;
        try
        {
            await scheduler.Standby(ct);
            _standingBy = true;
            logger.LogDebug("Job engine in standby: uploads are streaming");
        }
        catch (SchedulerException ex)
        {
            logger.LogDebug(ex, "Job engine not put in standby (shutting down)");
        }
    }

    private async Task ResumeAsync(IScheduler scheduler, CancellationToken ct)
    {
        _standingBy = false;
        if (ct.IsCancellationRequested || await scheduler.GetStatus(ct) != SchedulerStatus.Standby) return;
        try
        {
            await scheduler.Start(ct);
            logger.LogDebug("Job engine running again");
        }
        catch (SchedulerException ex)
        {
            logger.LogDebug(ex, "Job engine not started again (shutting down)");
        }
    }

    /// <summary>Tells the policy when a job starts: the engine then has had its turn, and may yield again.</summary>
    private sealed class JobStarts(UploadYieldPolicy policy) : IJobListener
    {
        public string Name => nameof(YieldToUploads);

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            policy.JobStarted();
            return ValueTask.CompletedTask;
        }

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default) =>
            ValueTask.CompletedTask;
    }
}
