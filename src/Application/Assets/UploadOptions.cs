using System.ComponentModel.DataAnnotations;

namespace AssetManager.Application.Assets;

/// <summary>Section <c>Upload</c>: what an upload may carry and how long a box it found is trusted.</summary>
public sealed class UploadOptions
{
    public const string Section = "Upload";
    public const long DefaultMaxFileBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>The largest file accepted (<c>MAX_UPLOAD_SIZE</c>); a larger one gets 413.</summary>
    [Range(1, long.MaxValue, ErrorMessage = "Upload:MaxFileBytes (MAX_UPLOAD_SIZE) must be a positive number of bytes.")]
    public long MaxFileBytes { get; set; } = DefaultMaxFileBytes;

    /// <summary>
    /// How long a box an upload found is trusted without the database (docs/adr/0005); 0 turns it off. Unset: 30 s on
    /// SQLite (one instance), 0 on a server database, where several instances must see a rename at once (docs/adr/0008).
    /// </summary>
    [Range(0, 3600, ErrorMessage = "Upload:RememberBoxesSeconds must be between 0 and 3600.")]
    public int? RememberBoxesSeconds { get; set; }

    /// <summary>The most files one batch upload may carry (as Django's <c>DATA_UPLOAD_MAX_NUMBER_FILES</c>); one more refuses the request.</summary>
    [Range(1, 10_000, ErrorMessage = "Upload:MaxBatchFiles must be between 1 and 10000.")]
    public int MaxBatchFiles { get; set; } = 100;

    public const long MiB = 1024 * 1024;

    /// <summary>A direct upload of at least this many bytes is offered as a multipart upload, resumable part by part.</summary>
    [Range(5 * MiB, 5 * 1024 * MiB, ErrorMessage = "Upload:DirectMultipartThresholdBytes must be between 5 MiB and 5 GiB (S3's largest single PUT).")]
    public long DirectMultipartThresholdBytes { get; set; } = 64 * MiB;

    /// <summary>
    /// The parts of a direct multipart upload; larger for a file that would otherwise need more than S3's 10,000 parts.
    /// At least S3's smallest part (5 MiB).
    /// </summary>
    [Range(5 * MiB, 5 * 1024 * MiB, ErrorMessage = "Upload:DirectPartSizeBytes must be between 5 MiB and 5 GiB.")]
    public long DirectPartSizeBytes { get; set; } = 16 * MiB;

    /// <summary>
    /// How long a direct upload's presigned URLs, and its upload id, stay valid (at most a week, SigV4's limit). It must be
    /// shorter than <c>Jobs:AbandonedUploadAgeSeconds</c>, so that no upload is swept while its URLs still work.
    /// </summary>
    [Range(1, 7 * 24 * 3600, ErrorMessage = "Upload:DirectUploadLifetimeSeconds must be between 1 and 604800 (a week).")]
    public int DirectUploadLifetimeSeconds { get; set; } = 15 * 60;

    /// <summary>The part size for a direct upload of <paramref name="size"/> bytes: the configured one, or larger to stay within 10,000 parts (whole MiB).</summary>
    public long DirectPartSizeFor(long size)
    {
        const int maxParts = 10_000;
        var smallest = (size + maxParts - 1) / maxParts;
        return Math.Max(DirectPartSizeBytes, (smallest + MiB - 1) / MiB * MiB);
    }
}
