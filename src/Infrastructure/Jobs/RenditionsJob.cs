using AssetManager.Application.Assets.Commands.MakeRenditions;
using Mediator;
using Quartz;

namespace AssetManager.Infrastructure.Jobs;

/// <summary>The job input: the asset whose renditions to make.</summary>
public sealed record RenditionsInput(int AssetId);

/// <summary>
/// Runs <see cref="MakeRenditionsCommand"/> for one asset. A failure the command throws is retried by the engine's
/// policy (Jobs:RetryCount, doubling waits); when the retries are spent <see cref="RenditionsGaveUp"/> marks the asset failed.
/// </summary>
public sealed class RenditionsJob(ISender sender) : IJob<RenditionsInput>
{
    public async ValueTask Execute(IJobExecutionContext context, RenditionsInput input, CancellationToken cancellationToken = default) =>
        await sender.Send(new MakeRenditionsCommand(input.AssetId), cancellationToken);

    public static string TriggerName(int assetId) => $"renditions-{assetId}";
}
