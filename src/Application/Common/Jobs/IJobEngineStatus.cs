namespace AssetManager.Application.Common.Jobs;

/// <summary>What the job engine says of itself, for the status page.</summary>
public interface IJobEngineStatus
{
    Task<JobEngineState> ReadAsync(CancellationToken cancellationToken);
}

/// <summary>The scheduler of this instance and, when clustered, the instances sharing its store.</summary>
public sealed record JobEngineState(
    string Scheduler, string Instance, string Status, bool Clustered, int Threads, int RunningHere, int ExecutedHere,
    IReadOnlyList<string> Nodes);
