using AssetManager.Application.Assets.Commands.ResumeRenditions;
using AssetManager.Application.Assets.Commands.SweepAbandonedUploads;
using AssetManager.Application.Common.Media;
using AssetManager.Application.Common.Storage;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace AssetManager.Infrastructure.Jobs;

/// <summary>
/// Runs every Jobs:MaintenanceIntervalSeconds, and at start (one instance at a time across a cluster): asks again for
/// the renditions of assets still pending (the backfill of older assets, and requests lost with a process), finishes
/// recorded object deletions, and removes what abandoned uploads (direct uploads never completed among them) and
/// cut-short jobs left behind.
/// </summary>
[DisallowConcurrentExecution]
public sealed class MaintenanceJob(
    ISender sender, IObjectDeletions deletions, TimeProvider clock, IOptions<JobsOptions> options,
    ILogger<MaintenanceJob> logger) : IJob
{
    private const int ResumePerRun = 1000;
    private const int DirectUploadsPerRun = 1000;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var resumed = await sender.Send(new ResumeRenditionsCommand(now.UtcDateTime - TimeSpan.FromSeconds(options.Value.ResumeAfterSeconds), ResumePerRun), cancellationToken);
        var deleted = await deletions.DeletePendingAsync(ObjectDeletionBatches.PerSweep, cancellationToken);
        var abandonedBefore = now - TimeSpan.FromSeconds(options.Value.AbandonedUploadAgeSeconds);
        var swept = await sender.Send(new SweepAbandonedUploadsCommand(abandonedBefore, DirectUploadsPerRun), cancellationToken);
        var scratch = RemoveScratchFolders(abandonedBefore);
        if (resumed + deleted + swept + scratch > 0)
            logger.LogInformation(
                "Maintenance: {Resumed} renditions asked for again, {Deleted} stored objects deleted, {Swept} abandoned uploads and {Scratch} scratch folders removed",
                resumed, deleted, swept, scratch);
    }

    /// <summary>The scratch folders of renditions jobs whose process died before it could remove them.</summary>
    private static int RemoveScratchFolders(DateTimeOffset startedBefore)
    {
        var removed = 0;
        foreach (var folder in new DirectoryInfo(Path.GetTempPath()).EnumerateDirectories(Renditions.ScratchPrefix + "*"))
        {
            if (folder.CreationTimeUtc >= startedBefore.UtcDateTime) continue;
            try
            {
                folder.Delete(recursive: true);
                removed++;
            }
            catch (IOException)
            {
                // in use or gone meanwhile
            }
        }
        return removed;
    }
}
