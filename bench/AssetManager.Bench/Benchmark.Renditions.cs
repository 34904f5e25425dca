using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace AssetManager.Bench;

/// <summary>
/// The renditions phase (issue "Thumbnails, previews and media facts"): how long the service takes, after the last
/// 201, to make the renditions of a batch of real images and videos, beside the command-line tools making the same
/// renditions of the same files (alone, and after downloading each original from S3 as the service must), the
/// service's peak memory, and the upload comparison measured while the service is idle and while it works through a
/// backlog of renditions.
/// </summary>
public sealed partial class Benchmark
{
    private const string Ready = "ready";
    private RenditionsResult? _renditions;

    private async Task RenditionsPhaseAsync(long maxUpload, CancellationToken ct)
    {
        var o = options.Renditions;
        Log.Info("renditions: generating media files (cached in the work folder)");
        var files = await MediaFiles.EnsureAsync(options.WorkDir, o, ct);
        var warmUpFiles = await MediaFiles.EnsureWarmUpAsync(options.WorkDir, ct);
        var smallFile = Path.Combine(options.WorkDir, $"small-{options.SmallSize}.png");
        await TestFiles.EnsureAsync(smallFile, options.SmallSize, TestFiles.PngHeader, ct);
        var mediumFile = Path.Combine(options.WorkDir, $"large-{o.BusySize}.mp4");
        await TestFiles.EnsureAsync(mediumFile, o.BusySize, TestFiles.Mp4Header, ct);

        var result = new RenditionsResult(files, o.JobConcurrency);
        var service = await StartServiceAsync(maxUpload, "renditions", ct);
        try
        {
            result.ServicePid = service.Pid;
            var project = (await Client.PostJsonAsync<IdResponse>($"{service.BaseUrl}/api/projects/", new { name = "renditions" }, _token, ct)).Id;
            var assets = new List<int>();

            // the upload paths as the upload phases warm them up, then one rendition of each kind
            await WarmUpAsync(service, smallFile, ct, _mediumFile, smallUploads: 10 * options.Concurrency);
            var warmBox = await CreateBoxAsync(service, project, "warm-up", ct);
            var warm = await UploadMediaAsync(service, warmBox, warmUpFiles, Stopwatch.StartNew(), ct);
            await WaitReadyAsync(service, warmBox, warmUpFiles, warm, Stopwatch.StartNew(), ct);
            assets.AddRange(warm.Select(u => u.Asset));
            await SettleAsync(service, ct);
            result.PeakAfterWarmUp = service.PeakRss;
            Log.Info($"renditions: warmed up, service VmHWM {Mib(result.PeakAfterWarmUp)} MiB; {files.Count} files, " +
                     $"{Mib(files.Sum(f => f.Size))} MiB; command-line jobs at once: {o.JobConcurrency}");

            var cli = new CommandLineRenditions(_s3, options.Bucket, Path.Combine(options.WorkDir, "cli-renditions"));
            IReadOnlyList<string>? keys = null;
            for (var run = 0; run < o.Runs; run++)
            {
                // the service first in even runs; the download baseline needs the originals a service run stored
                var order = run % 2 == 0 ? new[] { "service", "cli", "cli+download" } : ["cli+download", "cli", "service"];
                foreach (var path in order)
                {
                    await SettleAsync(service, ct);
                    if (path == "service")
                    {
                        var measured = await ServiceRenditionsAsync(service, project, files, run + 1, ct);
                        result.Service.Add(measured.Run);
                        assets.AddRange(measured.Uploads.Select(u => u.Asset));
                        keys ??= measured.Uploads.Select(u => u.Key).ToList();
                    }
                    else
                    {
                        var withDownload = path == "cli+download";
                        var meter = new CpuMeter(service.Pid, options.RgwPid, options.CephPids, withChildren: true).Start();
                        var clock = Stopwatch.StartNew();
                        await cli.RunAsync(files, withDownload ? keys : null, o.JobConcurrency, ct);
                        var measured = new CommandLineRun(run + 1, withDownload, clock.Elapsed.TotalSeconds, meter.Stop());
                        (withDownload ? result.CommandLineWithDownload : result.CommandLine).Add(measured);
                        Log.Info($"renditions run {run + 1}: {path,-12} {measured.Wall,7:F2} s  {Describe(measured.Cpu)} (client: this program and the tools)");
                    }
                }
            }
            result.PeakAfterRenditions = service.PeakRss;
            Log.Info($"renditions: service VmHWM {Mib(result.PeakAfterRenditions)} MiB");
            await CleanUpAsync(service, assets, [], ct);
            assets.Clear();

            if (o.BusyRuns == 0) return;
            await SettleAsync(service, ct);
            result.Idle = await CompareUploadsAsync(service, smallFile, mediumFile, "idle", ct);
            result.PeakAfterIdle = service.PeakRss;

            // the backlog: all files uploaded at once, then the same comparison at once, while their renditions are made
            await SettleAsync(service, ct);
            var backlogBox = await CreateBoxAsync(service, project, "backlog", ct);
            var backlogClock = Stopwatch.StartNew();
            var backlog = await UploadMediaAsync(service, backlogBox, files, backlogClock, ct);
            var comparisonStart = backlogClock.Elapsed.TotalSeconds;
            result.Busy = await CompareUploadsAsync(service, smallFile, mediumFile, "busy", ct);
            var comparisonEnd = backlogClock.Elapsed.TotalSeconds;
            result.Busy.PendingAtEnd = (await ListAsync(service, backlogBox, ct)).Count(a => a.Processing != Ready);
            var backlogReady = await WaitReadyAsync(service, backlogBox, files, backlog, backlogClock, ct);
            result.Backlog = new BacklogRun(backlog.Max(u => u.At), comparisonStart, comparisonEnd, backlogReady.LastReady);
            result.PeakAfterBusy = service.PeakRss;
            assets.AddRange(backlog.Select(u => u.Asset));
            Log.Info($"renditions: backlog uploaded by {result.Backlog.Last201:F1} s, comparison {comparisonStart:F1}-{comparisonEnd:F1} s " +
                     $"({result.Busy.PendingAtEnd} of {files.Count} still pending at its end), last ready at {result.Backlog.LastReady:F1} s; " +
                     $"service VmHWM {Mib(result.PeakAfterBusy)} MiB");
            await CleanUpAsync(service, assets, [], ct);
        }
        finally
        {
            _renditions = result;
            await service.DisposeAsync();
        }
    }

    /// <summary>Uploads every file at once (at most Concurrency in flight) into a new box and waits until all are ready.</summary>
    private async Task<(ServiceRenditionsRun Run, List<MediaUpload> Uploads)> ServiceRenditionsAsync(
        ServiceProcess service, int project, IReadOnlyList<MediaFile> files, int run, CancellationToken ct)
    {
        var box = await CreateBoxAsync(service, project, $"renditions {run}", ct);
        var whole = new CpuMeter(service.Pid, options.RgwPid, options.CephPids, withChildren: true).Start();
        var clock = Stopwatch.StartNew();
        var uploads = await UploadMediaAsync(service, box, files, clock, ct);
        var afterUploads = new CpuMeter(service.Pid, options.RgwPid, options.CephPids, withChildren: true).Start();
        var peakAtLast201 = service.PeakRss;
        var ready = await WaitReadyAsync(service, box, files, uploads, clock, ct);
        var measured = new ServiceRenditionsRun(run, uploads.Min(u => u.At), uploads.Max(u => u.At), ready.LastReady,
            whole.Stop(), afterUploads.Stop(), ready.MaxRss, peakAtLast201, service.PeakRss);
        Log.Info($"renditions run {run}: service      {measured.AfterLast201,7:F2} s after the last 201 ({measured.AfterFirst201:F2} s after the first; " +
                 $"uploads took {measured.Last201:F2} s)  from the last 201: {Describe(measured.AfterUploadsCpu)}  " +
                 $"VmHWM {Mib(peakAtLast201)} MiB at the last 201, {Mib(measured.PeakAtLastReady)} MiB at the last ready");
        return (measured, uploads);
    }

    private async Task<int> CreateBoxAsync(ServiceProcess service, int project, string name, CancellationToken ct) =>
        (await Client.PostJsonAsync<IdResponse>($"{service.BaseUrl}/api/boxes/", new { project, name }, _token, ct)).Id;

    private async Task<List<MediaUpload>> UploadMediaAsync(
        ServiceProcess service, int box, IReadOnlyList<MediaFile> files, Stopwatch clock, CancellationToken ct)
    {
        var done = new MediaUpload[files.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = ct };
        await Parallel.ForAsync(0, files.Count, parallel, async (i, token) =>
        {
            var (_, asset) = await Client.UploadViaServiceAsync(service.BaseUrl, _token!, box, files[i].Path, files[i].ContentType, token);
            done[i] = new MediaUpload(asset.Id, KeyOf(asset), clock.Elapsed.TotalSeconds);
        });
        return [.. done];
    }

    /// <summary>
    /// Lists the box every PollMilliseconds until every upload is ready; an asset is taken as ready at the start of the
    /// first listing that shows it so. A failed asset, or facts that differ from the file's, fail the benchmark.
    /// </summary>
    private async Task<(double LastReady, long MaxRss)> WaitReadyAsync(
        ServiceProcess service, int box, IReadOnlyList<MediaFile> files, IReadOnlyList<MediaUpload> uploads, Stopwatch clock, CancellationToken ct)
    {
        var expected = uploads.Select((u, i) => (u.Asset, File: files[i])).ToDictionary(x => x.Asset, x => x.File);
        var readyAt = new Dictionary<int, double>();
        long maxRss = 0;
        var deadline = clock.Elapsed + TimeSpan.FromMinutes(20);
        while (readyAt.Count < expected.Count)
        {
            if (clock.Elapsed > deadline) throw new TimeoutException($"{expected.Count - readyAt.Count} assets not ready after 20 minutes");
            var asked = clock.Elapsed.TotalSeconds;
            foreach (var asset in await ListAsync(service, box, ct))
            {
                if (readyAt.ContainsKey(asset.Id) || !expected.TryGetValue(asset.Id, out var file)) continue;
                if (asset.Processing == "failed") throw new InvalidOperationException($"asset {asset.Id} ({file.Path}): renditions failed: {asset.ProcessingError}");
                if (asset.Processing != Ready) continue;
                if (asset.Width != file.Width || asset.Height != file.Height || Math.Abs((asset.Duration ?? 0) - (file.Duration ?? 0)) > 0.5)
                    throw new InvalidOperationException($"asset {asset.Id} ({file.Path}): {asset.Width} x {asset.Height}, {asset.Duration} s; expected {file.Width} x {file.Height}, {file.Duration} s");
                readyAt[asset.Id] = asked;
            }
            maxRss = Math.Max(maxRss, service.Rss);
            if (readyAt.Count < expected.Count) await Task.Delay(options.Renditions.PollMilliseconds, ct);
        }
        return (readyAt.Values.Max(), maxRss);
    }

    private async Task<List<AssetState>> ListAsync(ServiceProcess service, int box, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{service.BaseUrl}/api/boxes/{box}/assets/?page_size=200");
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", _token);
        using var response = await _http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"listing box {box}: {(int)response.StatusCode} {text}");
        return JsonSerializer.Deserialize<AssetPage>(text, Uploader.Json)!.Results;
    }

    /// <summary>
    /// The upload comparison of the upload phases, shortened: batches of small files (direct, then through the service,
    /// alternating which goes first) and single uploads of a medium size, BusyRuns each way. Everything uploaded is
    /// deleted only afterwards, so that a busy service stays busy with its renditions alone. Idle, each batch and upload
    /// waits until the service has finished the renditions jobs the one before asked for.
    /// </summary>
    private async Task<UploadComparison> CompareUploadsAsync(ServiceProcess service, string smallFile, string mediumFile, string label, CancellationToken ct)
    {
        var o = options.Renditions;
        var idle = label == "idle";
        var result = new UploadComparison(label);
        var assets = new List<int>();
        var keys = new List<string>();
        var meter = new CpuMeter(service.Pid, options.RgwPid, options.CephPids, withChildren: true).Start();
        for (var run = 0; run < o.BusyRuns; run++)
        {
            for (var leg = 0; leg < 2; leg++)
            {
                if (idle) await SettleAsync(service, ct);
                if ((leg == 0) == (run % 2 == 0))
                {
                    var batch = Enumerable.Range(0, o.BusySmallCount).Select(_ => DirectKey("small", ".png")).ToArray();
                    var urls = batch.Select(k => Presign(k, ImageType)).ToArray();
                    result.SmallDirect.Add(o.BusySmallCount / await TimeBatchAsync(o.BusySmallCount, i => Client.PutDirectAsync(urls[i], smallFile, ImageType, ct), ct));
                    keys.AddRange(batch);
                }
                else
                {
                    result.SmallService.Add(o.BusySmallCount / await TimeBatchAsync(o.BusySmallCount, async i =>
                    {
                        var (elapsed, asset) = await Client.UploadViaServiceAsync(service.BaseUrl, _token!, _boxId, smallFile, ImageType, ct);
                        lock (assets) assets.Add(asset.Id);
                        return elapsed;
                    }, ct));
                }
            }
            Log.Info($"{label} run {run + 1}: small files {result.SmallDirect[^1],7:F1} / {result.SmallService[^1],7:F1} uploads/s (direct / service)");
        }
        for (var run = 0; run < o.BusyRuns; run++)
        {
            for (var leg = 0; leg < 2; leg++)
            {
                if (idle) await SettleAsync(service, ct);
                if ((leg == 0) == (run % 2 == 0))
                {
                    var key = DirectKey("direct", ".mp4");
                    result.MediumDirect.Add((await Client.PutDirectAsync(Presign(key, VideoType), mediumFile, VideoType, ct)).TotalSeconds);
                    keys.Add(key);
                }
                else
                {
                    var (elapsed, asset) = await Client.UploadViaServiceAsync(service.BaseUrl, _token!, _boxId, mediumFile, VideoType, ct);
                    result.MediumService.Add(elapsed.TotalSeconds);
                    assets.Add(asset.Id);
                }
            }
            Log.Info($"{label} run {run + 1}: {Options.FormatSize(o.BusySize)} {result.MediumDirect[^1],7:F3} / {result.MediumService[^1],7:F3} s (direct / service)");
        }
        result.Cpu = meter.Stop();
        await CleanUpAsync(service, assets, keys, ct);
        return result;
    }

    /// <summary>Runs <paramref name="count"/> operations with Concurrency workers; the wall time in seconds.</summary>
    private async Task<double> TimeBatchAsync(int count, Func<int, Task<TimeSpan>> operation, CancellationToken ct)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count) await operation(i);
        }, ct)));
        return clock.Elapsed.TotalSeconds;
    }
}

public sealed record MediaUpload(int Asset, string Key, double At);

public sealed record AssetState(int Id, string Processing, string ProcessingError, int? Width, int? Height, double? Duration);

public sealed record AssetPage(int Count, List<AssetState> Results);
