using System.Threading.Channels;
using AssetManager.Application.Common.Jobs;
using AssetManager.Application.Assets.Commands.ResumeRenditions;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace AssetManager.Infrastructure.Jobs;

/// <summary>
/// Takes the requests for renditions without making the request that asks wait for the job store: they are handed to
/// the engine a moment later, one after another, by <see cref="ExecuteAsync"/>. A request lost with the process is
/// not lost work: its asset is still pending, and the maintenance job asks again.
/// </summary>
public sealed class RenditionRequests(
    ISchedulerFactory schedulers, IServiceScopeFactory scopes, TimeProvider clock, IOptions<JobsOptions> options, ILogger<RenditionRequests> logger)
    : BackgroundService, IBackgroundJobs
{
    private readonly Channel<int> _requests = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true });

    public void RequestRenditions(int assetId) => _requests.Writer.TryWrite(assetId);

    /// <summary>
    /// Requests a process took with it when it died (after the 201, before the engine stored them) are asked for again
    /// at once, rather than when the maintenance job next finds them.
    /// </summary>
    private async Task ResumeAtStartAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(
                new ResumeRenditionsCommand(clock.GetUtcNow().UtcDateTime, ResumeAtStart), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Pending renditions not asked for at start; the maintenance job will");
        }
    }

    private const int ResumeAtStart = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var scheduler = await schedulers.GetScheduler(stoppingToken);
        var delay = TimeSpan.FromSeconds(options.Value.RenditionsDelaySeconds);
        await ResumeAtStartAsync(stoppingToken);
        await foreach (var assetId in _requests.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await scheduler.ScheduleJob<RenditionsJob, RenditionsInput>(new RenditionsInput(assetId), delay, new OneOffJobOptions
                {
                    Name = RenditionsJob.TriggerName(assetId),
                    OnConflict = TriggerConflict.Keep, // one pending job per asset
                    RequestRecovery = true, // run again if this instance dies while it runs
                }, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Asset {AssetId}: renditions not scheduled now; the maintenance job will ask again", assetId);
            }
        }
    }
}
