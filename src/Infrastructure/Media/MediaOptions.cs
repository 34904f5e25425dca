using System.ComponentModel.DataAnnotations;

namespace AssetManager.Infrastructure.Media;

/// <summary>The "Media" settings: the limits of rendition making and where the ffmpeg tools are.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>The most pixels (width x height, as declared by the file's header) a file may have.</summary>
    [Range(1, long.MaxValue)]
    public long MaxPixels { get; set; } = 100_000_000;

    /// <summary>How long each external tool may run, and each image may take to decode, before it is stopped.</summary>
    [Range(1, 86_400)]
    public int TimeLimitSeconds { get; set; } = 120;

    /// <summary>
    /// Whether ffmpeg and ffprobe run below the service's CPU priority (nice 10): they take every core, and uploads
    /// served meanwhile should not wait for them.
    /// </summary>
    public bool ToolsAtLowPriority { get; set; } = true;

    [Required(AllowEmptyStrings = false)]
    public string FfmpegPath { get; set; } = "ffmpeg";

    [Required(AllowEmptyStrings = false)]
    public string FfprobePath { get; set; } = "ffprobe";

    public TimeSpan TimeLimit => TimeSpan.FromSeconds(TimeLimitSeconds);
}
