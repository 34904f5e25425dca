using Amazon.S3;

namespace AssetManager.Bench;

/// <summary>
/// The baseline: the same two renditions made by the command-line tools, one file after another (or as many at once as
/// the service's job engine runs), optionally after downloading the original from S3 as the service's job must.
/// <list type="bullet">
/// <item>An image: <c>vipsthumbnail in -s "2048x2048&gt;" -o prev.webp[Q=80,strip]</c>, then the thumbnail from that
/// preview, <c>vipsthumbnail prev.webp -s "512x512&gt;" -o thumb.webp[Q=80,strip]</c>: the original is decoded once, as
/// in the service (and this was the fastest of two thumbnails from the original, or a preview kept as an uncompressed
/// <c>.v</c> file).</item>
/// <item>A video: <c>ffprobe</c> for the facts as the service asks for them, then one <c>ffmpeg -ss 1 -i in</c> decoding
/// one frame and writing both WebP files (<c>split</c>, <c>scale</c> never enlarging, <c>libwebp -quality 80</c>).</item>
/// </list>
/// </summary>
public sealed class CommandLineRenditions(IAmazonS3 s3, string bucket, string scratchDir)
{
    public async Task RunAsync(IReadOnlyList<MediaFile> files, IReadOnlyList<string>? keysToDownload, int concurrency, CancellationToken ct)
    {
        if (Directory.Exists(scratchDir)) Directory.Delete(scratchDir, recursive: true);
        Directory.CreateDirectory(scratchDir);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct };
        await Parallel.ForAsync(0, files.Count, parallel, async (i, token) =>
        {
            var work = Directory.CreateDirectory(Path.Combine(scratchDir, i.ToString(System.Globalization.CultureInfo.InvariantCulture))).FullName;
            var source = files[i].Path;
            if (keysToDownload is not null)
            {
                source = Path.Combine(work, "original" + files[i].Extension);
                await DownloadAsync(keysToDownload[i], source, token);
            }
            await MakeAsync(files[i], source, work, token);
            Directory.Delete(work, recursive: true);
        });
    }

    private async Task DownloadAsync(string key, string path, CancellationToken ct)
    {
        using var response = await s3.GetObjectAsync(bucket, key, ct);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0, FileOptions.Asynchronous);
        await response.ResponseStream.CopyToAsync(file, 128 * 1024, ct);
    }

    private static async Task MakeAsync(MediaFile file, string source, string work, CancellationToken ct)
    {
        var preview = Path.Combine(work, "preview.webp");
        var thumbnail = Path.Combine(work, "thumbnail.webp");
        if (file.IsVideo)
        {
            await CommandLine.RunAsync("ffprobe",
            [
                "-v", "error", "-print_format", "json",
                "-show_entries", "format=duration:stream=index,codec_type,width,height,duration:stream_disposition=attached_pic:stream_side_data=rotation:stream_tags=rotate",
                source,
            ], ct);
            await CommandLine.RunAsync("ffmpeg",
            [
                "-nostdin", "-v", "error", "-y", "-ss", "1", "-i", source,
                "-filter_complex", "[0:v]split=2[p][t];" +
                                   "[p]scale=w='min(2048,iw)':h='min(2048,ih)':force_original_aspect_ratio=decrease[po];" +
                                   "[t]scale=w='min(512,iw)':h='min(512,ih)':force_original_aspect_ratio=decrease[to]",
                "-map", "[po]", "-frames:v", "1", "-c:v", "libwebp", "-quality", "80", preview,
                "-map", "[to]", "-frames:v", "1", "-c:v", "libwebp", "-quality", "80", thumbnail,
            ], ct);
        }
        else
        {
            await CommandLine.RunAsync("vipsthumbnail", [source, "-s", "2048x2048>", "-o", preview + "[Q=80,strip]"], ct);
            await CommandLine.RunAsync("vipsthumbnail", [preview, "-s", "512x512>", "-o", thumbnail + "[Q=80,strip]"], ct);
        }
        foreach (var output in new[] { preview, thumbnail })
            if (!File.Exists(output) || new FileInfo(output).Length == 0) throw new InvalidOperationException($"{output} was not written for {file.Path}");
    }
}
