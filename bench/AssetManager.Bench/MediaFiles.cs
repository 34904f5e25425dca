using System.Globalization;

namespace AssetManager.Bench;

/// <summary>A generated image or video, and the facts the service should find in it.</summary>
public sealed record MediaFile(string Path, string ContentType, int Width, int Height, double? Duration)
{
    public bool IsVideo => Duration is not null;
    public long Size => new FileInfo(Path).Length;
    public string Extension => System.IO.Path.GetExtension(Path);
}

/// <summary>
/// Real media for the renditions phase, made with ffmpeg's test sources and libvips, cached in the work folder (a file
/// of the right name is reused; run.sh removes them at the end unless BENCH_KEEP=1):
/// images are colour gradients under noise (about 40 MB as a 4096 x 4096 PNG, 3 MB as a JPEG at quality 90, as photos
/// of that size weigh), videos are H.264 test patterns (about 15 Mbit/s at 1080p, as a phone records).
/// </summary>
public static class MediaFiles
{
    private static readonly string[] GradientTypes = ["linear", "radial", "circular", "spiral"];

    /// <summary>The images (PNG and JPEG alternating) and then the videos of the options.</summary>
    public static async Task<IReadOnlyList<MediaFile>> EnsureAsync(string workDir, RenditionOptions o, CancellationToken ct)
    {
        var files = new List<MediaFile>();
        for (var i = 0; i < o.Images; i++)
        {
            var png = i % 2 == 0;
            var path = System.IO.Path.Combine(workDir, $"media-image-{o.ImageSize}-{i:D2}{(png ? ".png" : ".jpg")}");
            await EnsureImageAsync(path, o.ImageSize, seed: i + 1, ct);
            files.Add(new MediaFile(path, png ? "image/png" : "image/jpeg", o.ImageSize, o.ImageSize, null));
        }
        for (var i = 0; i < o.Videos; i++)
        {
            var path = System.IO.Path.Combine(workDir, $"media-video-{o.VideoHeight}p-{o.VideoSeconds}s-{i:D2}.mp4");
            await EnsureVideoAsync(path, o.VideoWidth, o.VideoHeight, o.VideoSeconds, hue: 72 * i, ct);
            files.Add(new MediaFile(path, "video/mp4", o.VideoWidth, o.VideoHeight, o.VideoSeconds));
        }
        return files;
    }

    /// <summary>One small file of each kind, to warm the service's renditions path up before the clock runs.</summary>
    public static async Task<IReadOnlyList<MediaFile>> EnsureWarmUpAsync(string workDir, CancellationToken ct)
    {
        var png = System.IO.Path.Combine(workDir, "media-warmup.png");
        var jpeg = System.IO.Path.Combine(workDir, "media-warmup.jpg");
        var video = System.IO.Path.Combine(workDir, "media-warmup.mp4");
        await EnsureImageAsync(png, 640, seed: 100, ct);
        await EnsureImageAsync(jpeg, 640, seed: 101, ct);
        await EnsureVideoAsync(video, 640, 360, 3, hue: 0, ct);
        return [new(png, "image/png", 640, 640, null), new(jpeg, "image/jpeg", 640, 640, null), new(video, "video/mp4", 640, 360, 3)];
    }

    private static async Task EnsureImageAsync(string path, int size, int seed, CancellationToken ct)
    {
        if (File.Exists(path)) return;
        Log.Info($"generating {System.IO.Path.GetFileName(path)}");
        var png = path + ".tmp.png";
        var type = GradientTypes[seed % GradientTypes.Length];
        await CommandLine.RunAsync("ffmpeg",
        [
            "-nostdin", "-v", "error", "-y", "-f", "lavfi",
            "-i", Invariant($"gradients=s={size}x{size}:seed={seed}:n=6:type={type},format=gbrp,noise=alls=12:allf=u:all_seed={seed}"),
            "-frames:v", "1", "-pix_fmt", "rgb24", png,
        ], ct);
        if (path.EndsWith(".jpg", StringComparison.Ordinal))
        {
            var jpeg = path + ".tmp.jpg";
            await CommandLine.RunAsync("vips", ["copy", png, jpeg + "[Q=90]"], ct);
            File.Delete(png);
            png = jpeg;
        }
        File.Move(png, path, overwrite: true);
    }

    private static async Task EnsureVideoAsync(string path, int width, int height, int seconds, int hue, CancellationToken ct)
    {
        if (File.Exists(path)) return;
        Log.Info($"generating {System.IO.Path.GetFileName(path)}");
        var temp = path + ".tmp.mp4";
        await CommandLine.RunAsync("ffmpeg",
        [
            "-nostdin", "-v", "error", "-y", "-f", "lavfi",
            "-i", Invariant($"testsrc2=s={width}x{height}:r=30:d={seconds},hue=h={hue}"),
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-movflags", "+faststart", temp,
        ], ct);
        File.Move(temp, path, overwrite: true);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
