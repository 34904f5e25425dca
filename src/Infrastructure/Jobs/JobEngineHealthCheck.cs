using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace AssetManager.Infrastructure.Jobs;

/// <summary>
/// The job engine is running (or in standby only to yield to uploads, <see cref="YieldToUploads"/>) and its store
/// answers (one small query of the maintenance trigger).
/// </summary>
internal sealed class JobEngineHealthCheck(ISchedulerFactory schedulers, YieldToUploads yielding) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            var status = await scheduler.GetStatus(cancellationToken);
            if (status is SchedulerStatus.Shutdown or SchedulerStatus.ShuttingDown) return HealthCheckResult.Unhealthy("stopped");
            if (status != SchedulerStatus.Running && !yielding.Explains(status)) return HealthCheckResult.Degraded(status.ToString().ToLowerInvariant());
            var state = await scheduler.GetTriggerState(new TriggerKey(BackgroundJobsSetup.MaintenanceTrigger), cancellationToken);
            return state == TriggerState.Error ? HealthCheckResult.Degraded("maintenance trigger in error") : HealthCheckResult.Healthy("quartz");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("job store unreachable", ex);
        }
    }
}
