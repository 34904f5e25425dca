using System.Text.Json;
using AssetManager.Application.Assets.Commands.FailRenditions;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace AssetManager.Infrastructure.Jobs;

/// <summary>When a renditions job has spent its retries, the asset is marked failed with the last error as the reason.</summary>
public sealed class RenditionsGaveUp(IServiceScopeFactory scopes, ILogger<RenditionsGaveUp> logger) : ITriggerListener
{
    public string Name => nameof(RenditionsGaveUp);

    public async ValueTask TriggerRetriesExhausted(
        ITrigger trigger, IJobExecutionContext context, JobExecutionException exception, CancellationToken cancellationToken = default)
    {
        if (context.JobDetail.JobType.Type != typeof(RenditionsJob)) return;
        var input = JsonSerializer.Deserialize<RenditionsInput>(context.MergedJobDataMap.GetString(SchedulerConstants.JobInput)!)!;
        var reason = exception.GetBaseException().Message;
        logger.LogError(exception, "Asset {AssetId}: renditions given up after {Attempts} attempts", input.AssetId, context.RetryAttempt + 1);
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(
            new FailRenditionsCommand(input.AssetId, $"gave up after {context.RetryAttempt + 1} attempts: {reason}"), cancellationToken);
    }
}
