using System.Globalization;

namespace AssetManager.Bench;

/// <summary>
/// Options of the renditions phase (<c>--media-*</c>, <c>--busy-*</c>, <c>--job-concurrency</c>): which media files,
/// how many times each way, and the upload comparison run beside an idle and a busy service.
/// </summary>
public sealed record RenditionOptions
{
    /// <summary>Images, half PNG and half JPEG (a PNG first when odd); 0 with no videos skips the phase.</summary>
    public int Images { get; init; } = 20;
    /// <summary>Width and height of each generated image.</summary>
    public int ImageSize { get; init; } = 4096;
    public int Videos { get; init; } = 5;
    public int VideoSeconds { get; init; } = 60;
    /// <summary>Frame height of the videos (16:9): 1080 makes 1920 x 1080, 720 makes 1280 x 720.</summary>
    public int VideoHeight { get; init; } = 1080;
    /// <summary>How many times the service and the command-line tools each make all renditions (alternating).</summary>
    public int Runs { get; init; } = 2;
    /// <summary>Command-line jobs at once; by default the service's own: Jobs__MaxConcurrency if exported, else half the cores.</summary>
    public int JobConcurrency { get; init; } = DefaultJobConcurrency();
    /// <summary>Small uploads per batch of the idle/busy upload comparison (size and concurrency as the small-file phase).</summary>
    public int BusySmallCount { get; init; } = 300;
    /// <summary>The medium size of the idle/busy upload comparison (direct PUT against the service).</summary>
    public long BusySize { get; init; } = 64L << 20;
    /// <summary>Batches of small files and uploads of the medium size, each way, idle and busy; 0 leaves the comparison out.</summary>
    public int BusyRuns { get; init; } = 3;
    /// <summary>How often the service's assets are listed while waiting for them to be ready.</summary>
    public int PollMilliseconds { get; init; } = 200;

    public bool Enabled => Images + Videos > 0;

    public int VideoWidth => (VideoHeight * 16 / 9 + 1) / 2 * 2;

    public static readonly IReadOnlySet<string> Known = new HashSet<string>
    {
        "media-images", "media-image-size", "media-videos", "media-video-seconds", "media-video-height", "media-runs",
        "job-concurrency", "busy-small-count", "busy-size", "busy-runs", "poll-ms",
    };

    public static RenditionOptions From(IReadOnlyDictionary<string, string> map)
    {
        var d = new RenditionOptions();
        int Int(string name, int fallback) => map.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new RenditionOptions
        {
            Images = Int("media-images", d.Images),
            ImageSize = Int("media-image-size", d.ImageSize),
            Videos = Int("media-videos", d.Videos),
            VideoSeconds = Int("media-video-seconds", d.VideoSeconds),
            VideoHeight = Int("media-video-height", d.VideoHeight),
            Runs = Int("media-runs", d.Runs),
            JobConcurrency = Int("job-concurrency", d.JobConcurrency),
            BusySmallCount = Int("busy-small-count", d.BusySmallCount),
            BusySize = map.TryGetValue("busy-size", out var size) ? Options.ParseSize(size) : d.BusySize,
            BusyRuns = Int("busy-runs", d.BusyRuns),
            PollMilliseconds = Int("poll-ms", d.PollMilliseconds),
        };
    }

    /// <summary>As the service computes Jobs:MaxConcurrency's default (JobsOptions.Concurrency) from what it inherits.</summary>
    private static int DefaultJobConcurrency() =>
        int.TryParse(Environment.GetEnvironmentVariable("Jobs__MaxConcurrency"), CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : Math.Max(1, Environment.ProcessorCount / 2);
}
