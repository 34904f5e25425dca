using System.ComponentModel.DataAnnotations;

namespace AssetManager.Infrastructure.Jobs;

/// <summary>Section <c>Jobs</c>: the background job engine (Quartz.NET, docs/adr/0007) and what it runs.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Jobs at once on this instance; 0 means half the cores, at least one.</summary>
    [Range(0, 256, ErrorMessage = "Jobs:MaxConcurrency must be between 0 (half the cores) and 256.")]
    public int MaxConcurrency { get; set; }

    /// <summary>Retries of a job that failed for a reason that may pass (the store unreachable), with doubling waits.</summary>
    [Range(0, 20, ErrorMessage = "Jobs:RetryCount must be between 0 and 20.")]
    public int RetryCount { get; set; } = 5;

    [Range(1, 86_400, ErrorMessage = "Jobs:RetryDelaySeconds must be between 1 and 86400.")]
    public int RetryDelaySeconds { get; set; } = 30;

    [Range(1, 86_400, ErrorMessage = "Jobs:MaxRetryDelaySeconds must be between 1 and 86400.")]
    public int MaxRetryDelaySeconds { get; set; } = 600;

    /// <summary>How long after its upload an asset's renditions start (0: at once).</summary>
    [Range(0, 86_400, ErrorMessage = "Jobs:RenditionsDelaySeconds must be between 0 and 86400.")]
    public int RenditionsDelaySeconds { get; set; }

    /// <summary>
    /// How often the maintenance job runs (and once at start): renditions of assets still pending are asked for again
    /// (the backfill), recorded object deletions are finished, abandoned uploads and scratch files are removed.
    /// </summary>
    [Range(1, 86_400, ErrorMessage = "Jobs:MaintenanceIntervalSeconds must be between 1 and 86400.")]
    public int MaintenanceIntervalSeconds { get; set; } = 60;

    /// <summary>How old a pending asset must be before the maintenance job asks for its renditions again.</summary>
    [Range(0, 86_400, ErrorMessage = "Jobs:ResumeAfterSeconds must be between 0 and 86400.")]
    public int ResumeAfterSeconds { get; set; } = 30;

    /// <summary>An upload unfinished for this long is abandoned: its multipart upload is aborted, its temporary file deleted.</summary>
    [Range(1, 30 * 86_400, ErrorMessage = "Jobs:AbandonedUploadAgeSeconds must be between 1 and 2592000.")]
    public int AbandonedUploadAgeSeconds { get; set; } = 24 * 3600;

    /// <summary>How long another instance may take to notice work this one stored (several instances only).</summary>
    [Range(1, 300, ErrorMessage = "Jobs:IdleWaitSeconds must be between 1 and 300.")]
    public int IdleWaitSeconds { get; set; } = 5;

    /// <summary>
    /// Longest this instance's engine stands by in a row while uploads stream through it (then it runs at least a
    /// second, or until a job starts, before it yields again); 0: it never yields.
    /// </summary>
    [Range(0, 3600, ErrorMessage = "Jobs:YieldToUploadsSeconds must be between 0 (never yield) and 3600.")]
    public int YieldToUploadsSeconds { get; set; } = 5;

    public int Concurrency => MaxConcurrency > 0 ? MaxConcurrency : Math.Max(1, Environment.ProcessorCount / 2);
}
