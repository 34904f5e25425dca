using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AssetManager.Bench;

/// <summary>
/// Issue "More ways in": one batch upload of <see cref="Options.BatchCount"/> files through the service beside as
/// many direct presigned PUTs of the same bytes, one after another, with the same client, alternating which goes
/// first; the target is a batch within 1.2x of the direct PUTs.
/// </summary>
public sealed class BatchBenchmark(Options options, Uploader client, Func<string, string, Uri> presign)
{
    private const string ImageType = "image/png";
    public const double Target = 1.2;

    public List<double> Direct { get; } = [];
    public List<double> Batch { get; } = [];
    public CpuSample DirectCpu { get; private set; }
    public CpuSample BatchCpu { get; private set; }

    /// <summary>Runs the comparison; returns the object keys and asset ids to clean up.</summary>
    public async Task<(List<string> Keys, List<int> Assets)> RunAsync(ServiceProcess service, string token, int boxId, CancellationToken ct)
    {
        var file = Path.Combine(options.WorkDir, $"small-batch-{options.BatchFileSize}.png");
        await TestFiles.EnsureAsync(file, options.BatchFileSize, TestFiles.PngHeader, ct);
        var keys = new List<string>();
        var assets = new List<int>();

        // warm-up: both paths once, with a few files, so that first-use costs are not in the figures
        var (_, warmAssets) = await SendBatchAsync(service, token, boxId, file, 5, ct);
        var (_, warmKeys) = await PutAllAsync(file, 5, ct);
        assets.AddRange(warmAssets);
        keys.AddRange(warmKeys);

        for (var run = 0; run < Math.Max(1, options.BatchRuns); run++)
        {
            var directFirst = run % 2 == 0;
            for (var leg = 0; leg < 2; leg++)
            {
                var meter = new CpuMeter(service.Pid, options.RgwPid, options.CephPids).Start();
                if ((leg == 0) == directFirst)
                {
                    var (elapsed, putKeys) = await PutAllAsync(file, options.BatchCount, ct);
                    DirectCpu += meter.Stop();
                    Direct.Add(elapsed.TotalSeconds);
                    keys.AddRange(putKeys);
                    Log.Info($"batch run {run + 1}: {options.BatchCount} direct PUTs {elapsed.TotalSeconds,7:F3} s");
                }
                else
                {
                    var (elapsed, created) = await SendBatchAsync(service, token, boxId, file, options.BatchCount, ct);
                    BatchCpu += meter.Stop();
                    Batch.Add(elapsed.TotalSeconds);
                    assets.AddRange(created);
                    Log.Info($"batch run {run + 1}: one batch of {options.BatchCount}  {elapsed.TotalSeconds,7:F3} s");
                }
            }
        }
        return (keys, assets);
    }

    /// <summary><c>POST /api/boxes/{id}/upload/batch/</c> with the file <paramref name="count"/> times, each part read from disk as it is sent.</summary>
    private async Task<(TimeSpan Elapsed, List<int> Assets)> SendBatchAsync(
        ServiceProcess service, string token, int boxId, string file, int count, CancellationToken ct)
    {
        var form = new MultipartFormDataContent("----assetmanager-bench-" + Guid.NewGuid().ToString("N"));
        for (var i = 0; i < count; i++) form.Add(Uploader.OpenFileContent(file, ImageType), "files", $"frame-{i:D3}.png");
        form.Add(new StringContent("benchmark batch"), "prompt_text");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{service.BaseUrl}/api/boxes/{boxId}/upload/batch/") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", token);
        var (elapsed, status, body) = await client.TimedSendAsync(request, ct);
        if (status != HttpStatusCode.Created) throw new InvalidOperationException($"batch upload: {(int)status} {body[..Math.Min(500, body.Length)]}");
        using var json = JsonDocument.Parse(body);
        var created = json.RootElement.GetProperty("created").EnumerateArray().Select(a => a.GetProperty("id").GetInt32()).ToList();
        var failed = json.RootElement.GetProperty("failed").GetArrayLength();
        if (created.Count != count || failed != 0) throw new InvalidOperationException($"batch upload: {created.Count} created, {failed} failed of {count}");
        return (elapsed, created);
    }

    /// <summary>The same bytes as <paramref name="count"/> presigned PUTs one after another, signed before the clock starts.</summary>
    private async Task<(TimeSpan Elapsed, List<string> Keys)> PutAllAsync(string file, int count, CancellationToken ct)
    {
        var keys = Enumerable.Range(0, count).Select(_ => $"bench/batch-direct/{Guid.NewGuid():N}.png").ToList();
        var urls = keys.Select(k => presign(k, ImageType)).ToList();
        var clock = Stopwatch.StartNew();
        foreach (var url in urls) await client.PutDirectAsync(url, file, ImageType, ct);
        return (clock.Elapsed, keys);
    }

    public string Markdown()
    {
        var md = new StringBuilder();
        md.AppendLine("## Batch upload");
        md.AppendLine();
        var direct = Report.Median(Direct);
        var batch = Report.Median(Batch);
        var ratio = batch / direct;
        md.AppendLine(CultureInfo.InvariantCulture, $"One `POST /api/boxes/{{id}}/upload/batch/` of {options.BatchCount} files of {Options.FormatSize(options.BatchFileSize)} " +
                      $"beside {options.BatchCount} direct presigned PUTs of the same bytes, one after another, same client, alternating; " +
                      $"{Direct.Count} run(s) each way, medians. Target: the batch within {Target:F1}x.");
        md.AppendLine();
        md.AppendLine("| path | median s | files/s | service CPU s per file | radosgw CPU s per file |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        var directPer = DirectCpu.Per(Math.Max(1, Direct.Count * options.BatchCount));
        var batchPer = BatchCpu.Per(Math.Max(1, Batch.Count * options.BatchCount));
        md.AppendLine(CultureInfo.InvariantCulture, $"| {options.BatchCount} direct PUTs | {direct:F3} | {options.BatchCount / direct:F1} | {directPer.Service:F4} | {directPer.Rgw:F4} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| one batch | {batch:F3} | {options.BatchCount / batch:F1} | {batchPer.Service:F4} | {batchPer.Rgw:F4} |");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Batch / direct: **{ratio:F2}x** ({(ratio <= Target ? "within" : "over")} the {Target:F1}x target). " +
                      $"Every run: direct {string.Join(", ", Direct.Select(t => t.ToString("F3", CultureInfo.InvariantCulture)))}; " +
                      $"batch {string.Join(", ", Batch.Select(t => t.ToString("F3", CultureInfo.InvariantCulture)))}.");
        md.AppendLine();
        return md.ToString();
    }
}
