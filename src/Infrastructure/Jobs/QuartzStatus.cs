using AssetManager.Application.Common.Jobs;
using Quartz;

namespace AssetManager.Infrastructure.Jobs;

/// <summary>The job engine's state as Quartz reports it.</summary>
internal sealed class QuartzStatus(ISchedulerFactory schedulers) : IJobEngineStatus
{
    public async Task<JobEngineState> ReadAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var metadata = await scheduler.GetMetadata(cancellationToken);
        var nodes = metadata.JobStoreClustered
            ? (await scheduler.QueryClusterNodes(cancellationToken)).Select(n => n.InstanceId).ToList()
            : [metadata.SchedulerInstanceId];
        return new JobEngineState(metadata.SchedulerName, metadata.SchedulerInstanceId,
            metadata.Status.ToString().ToLowerInvariant(), metadata.JobStoreClustered, metadata.ThreadPoolSize,
            metadata.LocalExecutingJobs, metadata.JobsExecuted, nodes);
    }
}
