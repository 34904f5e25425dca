using AssetManager.Application.Common.Jobs;
using Quartz;

namespace AssetManager.Infrastructure.Jobs;

/// <summary>The job engine's state as Quartz reports it; "yielding" for a standby that only makes way for uploads.</summary>
internal sealed class QuartzStatus(ISchedulerFactory schedulers, YieldToUploads yielding) : IJobEngineStatus
{
    public async Task<JobEngineState> ReadAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var metadata = await scheduler.GetMetadata(cancellationToken);
        var nodes = metadata.JobStoreClustered
            ? (await scheduler.QueryClusterNodes(cancellationToken)).Select(n => n.InstanceId).ToList()
            : [metadata.SchedulerInstanceId];
        return new JobEngineState(metadata.SchedulerName, metadata.SchedulerInstanceId,
            Status(metadata.Status), metadata.JobStoreClustered, metadata.ThreadPoolSize,
            metadata.LocalExecutingJobs, metadata.JobsExecuted, nodes);
    }

    private string Status(SchedulerStatus status) =>
        yielding.Explains(status) ? "yielding" : status.ToString().ToLowerInvariant();
}
