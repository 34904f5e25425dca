using AssetManager.Application.Common.Jobs;
using AssetManager.Application.Common.Persistence;
using AssetManager.Domain.Assets;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AssetManager.Application.Jobs.Queries.GetJobsStatus;

/// <summary>The background work at a glance: the engine, the assets by processing state and the latest failures.</summary>
public sealed record GetJobsStatusQuery(int RecentFailures = 20) : IQuery<JobsStatusDto>;

public sealed record JobsStatusDto(JobEngineState Engine, AssetsByProcessing Assets, IReadOnlyList<FailedAsset> RecentFailures);

public sealed record AssetsByProcessing(int Pending, int Ready, int Failed);

public sealed record FailedAsset(int Id, string Error, DateTime CreatedAt);

internal sealed class GetJobsStatusHandler(IAppDbContext db, IJobEngineStatus engine) : IQueryHandler<GetJobsStatusQuery, JobsStatusDto>
{
    public async ValueTask<JobsStatusDto> Handle(GetJobsStatusQuery query, CancellationToken cancellationToken)
    {
        var counts = await db.Assets.AsNoTracking().GroupBy(a => a.Processing)
            .Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Count(ProcessingState state) => counts.FirstOrDefault(c => c.State == state)?.Count ?? 0;
        var failures = await db.Assets.AsNoTracking().Where(a => a.Processing == ProcessingState.Failed)
            .OrderByDescending(a => a.Id).Take(query.RecentFailures)
            .Select(a => new FailedAsset(a.Id, a.ProcessingError, a.CreatedAt)).ToListAsync(cancellationToken);
        return new JobsStatusDto(
            await engine.ReadAsync(cancellationToken),
            new AssetsByProcessing(Count(ProcessingState.Pending), Count(ProcessingState.Ready), Count(ProcessingState.Failed)),
            failures);
    }
}
