using AssetManager.Application.Common.Jobs;
using AssetManager.Application.Common.Persistence;
using AssetManager.Domain.Assets;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AssetManager.Application.Assets.Commands.ResumeRenditions;

/// <summary>
/// Asks again for the renditions of assets still pending that were created before <paramref name="CreatedBefore"/>:
/// the backfill of assets stored before renditions existed, and any request lost with a process. Asking twice is
/// harmless (one job per asset). Answers how many were asked for; the oldest first, at most <paramref name="Max"/>.
/// </summary>
public sealed record ResumeRenditionsCommand(DateTime CreatedBefore, int Max) : ICommand<int>;

internal sealed class ResumeRenditionsHandler(IAppDbContext db, IBackgroundJobs jobs) : ICommandHandler<ResumeRenditionsCommand, int>
{
    public async ValueTask<int> Handle(ResumeRenditionsCommand command, CancellationToken cancellationToken)
    {
        var pending = await db.Assets.AsNoTracking()
            .Where(a => a.Processing == ProcessingState.Pending && a.CreatedAt < command.CreatedBefore)
            .OrderBy(a => a.Id).Select(a => a.Id).Take(command.Max)
            .ToListAsync(cancellationToken);
        foreach (var id in pending) jobs.RequestRenditions(id);
        return pending.Count;
    }
}
