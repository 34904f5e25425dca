using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace AssetManager.Bench;

/// <summary>The measurements, phase by phase; returns the markdown report.</summary>
public sealed partial class Benchmark(Options options)
{
    private const string VideoType = "video/mp4";
    private const string ImageType = "image/png";

    private readonly HttpClient _http = Uploader.CreateClient(options.Concurrency);
    private readonly IAmazonS3 _s3 = CreateS3Client(options);
    private readonly List<LargeResult> _large = [];
    private readonly List<SmallResult> _small = [];
    private readonly List<string> _notes = [];
    private const long MediumSize = 12L << 20;
    private string? _mediumFile;
    private string? _token;
    private int _boxId;

    private Uploader Client => new(_http);

    public async Task<string> RunAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(options.WorkDir);
        var started = DateTime.UtcNow;
        var extra = new System.Text.StringBuilder();
        var loadBefore = ProcStats.LoadAverage();
        var maxUpload = Math.Max(2L << 30, options.Sizes.DefaultIfEmpty(0).Max() + (1L << 20));

        Log.Info("generating test files");
        var smallFile = Path.Combine(options.WorkDir, $"small-{options.SmallSize}.png");
        await TestFiles.EnsureAsync(smallFile, options.SmallSize, TestFiles.PngHeader, ct);
        _mediumFile = Path.Combine(options.WorkDir, "medium.mp4");
        await TestFiles.EnsureAsync(_mediumFile, MediumSize, TestFiles.Mp4Header, ct);
        var largeFiles = new Dictionary<long, string>();
        foreach (var size in options.Sizes)
        {
            largeFiles[size] = Path.Combine(options.WorkDir, $"large-{size}.mp4");
            await TestFiles.EnsureAsync(largeFiles[size], size, TestFiles.Mp4Header, ct);
        }

        ServiceProcess? shared = null;
        try
        {
            foreach (var size in options.Sizes)
            {
                var service = shared ?? await StartServiceAsync(maxUpload, Options.FormatSize(size).Replace(" ", ""), ct);
                if (!options.FreshServicePerPhase) shared = service;
                try
                {
                    await LargePhaseAsync(service, size, largeFiles[size], smallFile, ct);
                }
                finally
                {
                    if (options.FreshServicePerPhase) await service.DisposeAsync();
                }
            }
            if (options.SmallCount > 0)
            {
                var service = shared ?? await StartServiceAsync(maxUpload, "small", ct);
                try
                {
                    await SmallPhaseAsync(service, smallFile, ct);
                }
                finally
                {
                    if (options.FreshServicePerPhase) await service.DisposeAsync();
                }
            }
            if (options.BatchCount > 0) extra.Append(await IntakePhaseAsync(shared, maxUpload, ct));
        }
        finally
        {
            if (shared is not null) await shared.DisposeAsync();
        }

        if (options.Renditions.Enabled) await RenditionsPhaseAsync(maxUpload, ct);

        Log.Info("measuring SHA-256 over 1 GiB in-process");
        extra.Append(HashCost.Markdown(HashCost.Measure(), _large.FirstOrDefault(r => r.Size == HashCost.Bytes)));
        var report = Report.Build(options, started, loadBefore, ProcStats.LoadAverage(), _large, _small, _notes) + Environment.NewLine + extra;
        return _renditions is null ? report : report + Environment.NewLine + RenditionsReport.Build(options, _renditions);
    }

    /// <summary>
    /// Issue "More ways in": the batch upload beside direct PUTs, then direct uploads through the service's presigned
    /// URLs on this store (parts of 5 MiB from 5 MiB on, so the 12 MiB file goes in parts).
    /// </summary>
    private async Task<string> IntakePhaseAsync(ServiceProcess? shared, long maxUpload, CancellationToken ct)
    {
        Environment.SetEnvironmentVariable("Upload__DirectMultipartThresholdBytes", (5 << 20).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Environment.SetEnvironmentVariable("Upload__DirectPartSizeBytes", (5 << 20).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var service = shared ?? await StartServiceAsync(maxUpload, "batch", ct);
        try
        {
            await SettleAsync(service, ct);
            var batch = new BatchBenchmark(options, Client, Presign);
            var (keys, assets) = await batch.RunAsync(service, _token!, _boxId, ct);
            var check = new DirectUploadCheck(Client);
            var small = Path.Combine(options.WorkDir, $"small-batch-{options.BatchFileSize}.png");
            await check.RunAsync(service, _token!, _boxId, small, _mediumFile!, ct);
            await CleanUpAsync(service, [.. assets, .. check.Assets], keys, ct);
            return batch.Markdown() + check.Markdown();
        }
        finally
        {
            if (options.FreshServicePerPhase) await service.DisposeAsync();
        }
    }

    private async Task<ServiceProcess> StartServiceAsync(long maxUpload, string phase, CancellationToken ct)
    {
        Log.Info($"starting the service for phase {phase}");
        var service = await ServiceProcess.StartAsync(options, maxUpload, phase, _http);
        Log.Info($"service up, pid {service.Pid}, VmHWM {Mib(service.PeakRss)} MiB");
        if (_token is null)
        {
            var user = $"bench{DateTime.UtcNow:yyyyMMddHHmmss}{Random.Shared.Next(1000, 9999)}";
            var registered = await Client.PostJsonAsync<TokenResponse>(
                $"{service.BaseUrl}/api/auth/register/", new { username = user, password = "Bench-1-" + Guid.NewGuid().ToString("N") }, null, ct);
            _token = registered.Token;
            var project = await Client.PostJsonAsync<IdResponse>($"{service.BaseUrl}/api/projects/", new { name = "benchmark" }, _token, ct);
            var box = await Client.PostJsonAsync<IdResponse>($"{service.BaseUrl}/api/boxes/", new { project = project.Id, name = "uploads" }, _token, ct);
            _boxId = box.Id;
            Log.Info($"user {user}, project {project.Id}, box {_boxId}");
        }
        return service;
    }

    /// <summary>Uploads both ways before the clock runs, so that JIT, connection set-up and first-use costs are paid.</summary>
    private async Task WarmUpAsync(ServiceProcess service, string smallFile, CancellationToken ct, string? mediumFile = null, int smallUploads = 12)
    {
        var assets = new List<int>();
        var keys = new List<string>();
        // the large-file path (a streamed part and a buffered one) a few times each way, so that its hot methods
        // are compiled at the final tier before the clock runs
        for (var round = 0; mediumFile is not null && round < 4; round++)
        {
            var (_, asset) = await Client.UploadViaServiceAsync(service.BaseUrl, _token!, _boxId, mediumFile, VideoType, ct);
            assets.Add(asset.Id);
            var key = DirectKey("warmup", ".mp4");
            await Client.PutDirectAsync(Presign(key, VideoType), mediumFile, VideoType, ct);
            keys.Add(key);
        }
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Min(4, options.Concurrency), CancellationToken = ct };
        await Parallel.ForAsync(0, smallUploads, parallel, async (_, token) =>
        {
            var (_, asset) = await Client.UploadViaServiceAsync(service.BaseUrl, _token!, _boxId, smallFile, ImageType, token);
            var key = DirectKey("warmup", ".png");
            await Client.PutDirectAsync(Presign(key, ImageType), smallFile, ImageType, token);
            lock (assets)
            {
                assets.Add(asset.Id);
                keys.Add(key);
            }
        });
        await CleanUpAsync(service, assets, keys, ct);
        await SettleAsync(service, ct);
    }

    /// <summary>
    /// Waits (at most 20 s) until the service is idle: after the warm-up the runtime re-compiles hot methods
    /// (tiered JIT) in the background, which would otherwise be counted in the first measured upload.
    /// </summary>
    private static async Task SettleAsync(ServiceProcess service, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            var before = ProcStats.CpuSeconds(service.Pid) ?? 0;
            await Task.Delay(1000, ct);
            if ((ProcStats.CpuSeconds(service.Pid) ?? 0) - before < 0.03) return;
        }
    }

    private async Task LargePhaseAsync(ServiceProcess service, long size, string file, string smallFile, CancellationToken ct)
    {
        var label = Options.FormatSize(size);
        await WarmUpAsync(service, smallFile, ct, _mediumFile);
        var result = new LargeResult(size) { ServicePeakBefore = service.PeakRss, ServicePid = service.Pid };
        Log.Info($"{label}: warmed up, service VmHWM {Mib(result.ServicePeakBefore)} MiB");
        var assets = new List<int>();
        var keys = new List<string>();
        for (var run = 0; run < options.Runs; run++)
        {
            // alternate which path goes first, so that neither always meets a freshly busy S3 server
            var directFirst = run % 2 == 0;
            for (var leg = 0; leg < 2; leg++)
            {
                if ((leg == 0) == directFirst)
                {
                    var key = DirectKey("direct", ".mp4");
                    var url = Presign(key, VideoType);
                    var meter = new CpuMeter(service.Pid, options.RgwPid, options.CephPids).Start();
                    var elapsed = await Client.PutDirectAsync(url, file, VideoType, ct);
                    var cpu = meter.Stop();
                    result.DirectCpu += cpu;
                    result.DirectRunCpu.Add(cpu);
                    result.Direct.Add(elapsed.TotalSeconds);
                    keys.Add(key);
                    if (run == 0) await VerifyAsync(key, file, size, ct);
                    Log.Info($"{label} run {run + 1}: direct  {elapsed.TotalSeconds,7:F3} s  {Mib(size) / elapsed.TotalSeconds,7:F1} MiB/s  {Describe(cpu)}");
                }
                else
                {
                    var meter = new CpuMeter(service.Pid, options.RgwPid, options.CephPids).Start();
                    var (elapsed, asset) = await Client.UploadViaServiceAsync(service.BaseUrl, _token!, _boxId, file, VideoType, ct);
                    var cpu = meter.Stop();
                    result.ServiceCpu += cpu;
                    result.ServiceRunCpu.Add(cpu);
                    result.Service.Add(elapsed.TotalSeconds);
                    assets.Add(asset.Id);
                    if (run == 0) await VerifyAsync(KeyOf(asset), file, size, ct);
                    Log.Info($"{label} run {run + 1}: service {elapsed.TotalSeconds,7:F3} s  {Mib(size) / elapsed.TotalSeconds,7:F1} MiB/s  {Describe(cpu)}  " +
                             $"VmHWM {Mib(service.PeakRss)} MiB");
                }
            }
        }
        // the small-part multipart comparison, measured after both legs of each size so that the headline pair stays as it was
        for (var run = 0; run < options.Runs; run++)
        {
            var key = DirectKey("direct-multipart", ".mp4");
            var meter = new CpuMeter(service.Pid, options.RgwPid, options.CephPids).Start();
            var elapsed = await PutDirectMultipartAsync(key, file, ct);
            result.DirectMultipartCpu += meter.Stop();
            result.DirectMultipart.Add(elapsed.TotalSeconds);
            keys.Add(key);
            if (run == 0) await VerifyAsync(key, file, size, ct);
            Log.Info($"{label} run {run + 1}: direct multipart {elapsed.TotalSeconds,7:F3} s  {Mib(size) / elapsed.TotalSeconds,7:F1} MiB/s");
        }
        result.ServicePeakAfter = service.PeakRss;
        result.ServiceRssAfter = service.Rss;
        _large.Add(result);
        Log.Info($"{label}: service VmHWM {Mib(result.ServicePeakAfter)} MiB, VmRSS now {Mib(result.ServiceRssAfter)} MiB");
        await CleanUpAsync(service, assets, keys, ct);
    }

    private async Task SmallPhaseAsync(ServiceProcess service, string file, CancellationToken ct)
    {
        // a long-running service has compiled its request path at the final JIT tier: about 150 requests get it there
        await WarmUpAsync(service, file, ct, smallUploads: 10 * options.Concurrency);
        var direct = new SmallResult("direct presigned PUT", options.SmallCount, options.Concurrency);
        var viaService = new SmallResult("through the service", options.SmallCount, options.Concurrency);
        var peakBefore = service.PeakRss;
        for (var run = 0; run < options.SmallRuns; run++)
        {
            var directFirst = run % 2 == 0;
            for (var leg = 0; leg < 2; leg++)
            {
                if ((leg == 0) == directFirst)
                {
                    var keys = Enumerable.Range(0, options.SmallCount).Select(_ => DirectKey("small", ".png")).ToArray();
                    var urls = keys.Select(k => Presign(k, ImageType)).ToArray(); // signed before the clock starts
                    var (wall, latencies, cpu) = await RunConcurrentAsync(service, i => Client.PutDirectAsync(urls[i], file, ImageType, ct), ct);
                    direct.AddRun(wall, latencies, cpu);
                    Log.Info($"small run {run + 1}: direct  {options.SmallCount / wall,7:F1} uploads/s");
                    await CleanUpAsync(service, [], keys, ct);
                }
                else
                {
                    var assets = new ConcurrentBag<int>();
                    var (wall, latencies, cpu) = await RunConcurrentAsync(service, async i =>
                    {
                        var (elapsed, asset) = await Client.UploadViaServiceAsync(service.BaseUrl, _token!, _boxId, file, ImageType, ct);
                        assets.Add(asset.Id);
                        return elapsed;
                    }, ct);
                    viaService.AddRun(wall, latencies, cpu);
                    Log.Info($"small run {run + 1}: service {options.SmallCount / wall,7:F1} uploads/s  VmHWM {Mib(service.PeakRss)} MiB");
                    await CleanUpAsync(service, [.. assets], [], ct);
                }
            }
        }
        viaService.ServicePeakBefore = peakBefore;
        viaService.ServicePeakAfter = service.PeakRss;
        _small.Add(direct);
        _small.Add(viaService);
    }

    /// <summary>Runs <c>SmallCount</c> operations with <c>Concurrency</c> workers; the wall time, each latency, the CPU used.</summary>
    private async Task<(double Wall, List<double> Latencies, CpuSample Cpu)> RunConcurrentAsync(
        ServiceProcess service, Func<int, Task<TimeSpan>> operation, CancellationToken ct)
    {
        var latencies = new double[options.SmallCount];
        var next = -1;
        var meter = new CpuMeter(service.Pid, options.RgwPid, options.CephPids).Start();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < options.SmallCount)
                latencies[i] = (await operation(i)).TotalSeconds;
        }, ct)).ToArray();
        await Task.WhenAll(workers);
        var wall = clock.Elapsed.TotalSeconds;
        return (wall, [.. latencies], meter.Stop());
    }

    /// <summary>The stored object has the file's length and its first and last bytes.</summary>
    private async Task VerifyAsync(string key, string file, long size, CancellationToken ct)
    {
        var head = await _s3.GetObjectMetadataAsync(options.Bucket, key, ct);
        if (head.ContentLength != size) throw new InvalidOperationException($"{key}: stored {head.ContentLength} bytes, sent {size}");
        var window = (int)Math.Min(size, 64 * 1024);
        foreach (var offset in new[] { 0L, size - window })
        {
            using var response = await _s3.GetObjectAsync(new GetObjectRequest
            {
                BucketName = options.Bucket, Key = key, ByteRange = new ByteRange(offset, offset + window - 1),
            }, ct);
            var stored = new byte[window];
            await response.ResponseStream.ReadExactlyAsync(stored, ct);
            var sent = new byte[window];
            await using var source = File.OpenRead(file);
            source.Seek(offset, SeekOrigin.Begin);
            await source.ReadExactlyAsync(sent, ct);
            if (!stored.AsSpan().SequenceEqual(sent)) throw new InvalidOperationException($"{key}: stored bytes at {offset} differ from the file");
        }
    }

    private async Task CleanUpAsync(ServiceProcess service, IReadOnlyList<int> assets, IReadOnlyList<string> keys, CancellationToken ct)
    {
        await Parallel.ForEachAsync(assets, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = ct },
            async (id, token) => await Client.DeleteAssetAsync(service.BaseUrl, _token!, id, token));
        foreach (var chunk in keys.Chunk(1000))
        {
            await _s3.DeleteObjectsAsync(new DeleteObjectsRequest
            {
                BucketName = options.Bucket,
                Objects = chunk.Select(k => new KeyVersion { Key = k }).ToList(),
            }, ct);
        }
    }

    private string KeyOf(Asset asset)
    {
        var marker = $"/{options.Bucket}/";
        var at = asset.FileUrl.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException($"unexpected file_url {asset.FileUrl}");
        return asset.FileUrl[(at + marker.Length)..];
    }

    /// <summary>
    /// A multipart upload straight to S3 as the service makes one for a body of unknown length: parts of <see cref="Options.PartSize"/>, at most
    /// <see cref="Options.PartsInFlight"/> at a time, each a presigned PUT from memory; initiate and complete included.
    /// </summary>
    private async Task<TimeSpan> PutDirectMultipartAsync(string key, string path, CancellationToken ct)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous);
        var length = RandomAccess.GetLength(file);
        var partCount = (int)((length + options.PartSize - 1) / options.PartSize);
        var etags = new PartETag[partCount];
        var started = Stopwatch.GetTimestamp();
        var upload = await _s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = options.Bucket, Key = key, ContentType = VideoType }, ct);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.PartsInFlight, CancellationToken = ct };
        try
        {
            await SendPartsAsync();
        }
        catch
        {
            await _s3.AbortMultipartUploadAsync(options.Bucket, key, upload.UploadId, CancellationToken.None);
            throw;
        }
        await _s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = options.Bucket, Key = key, UploadId = upload.UploadId, PartETags = [.. etags],
        }, ct);
        return Stopwatch.GetElapsedTime(started);

        Task SendPartsAsync() => Parallel.ForAsync(0, partCount, parallel, async (i, token) =>
        {
            var offset = (long)i * options.PartSize;
            var partLength = (int)Math.Min(options.PartSize, length - offset);
            var part = ArrayPool<byte>.Shared.Rent(partLength);
            try
            {
                await RandomAccess.ReadAsync(file, part.AsMemory(0, partLength), offset, token);
                var url = _s3.GetPreSignedURL(new GetPreSignedUrlRequest
                {
                    BucketName = options.Bucket, Key = key, Verb = HttpVerb.PUT, UploadId = upload.UploadId, PartNumber = i + 1,
                    Protocol = PresignProtocol,
                    Expires = DateTime.UtcNow.AddHours(2),
                });
                using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent(part, 0, partLength) };
                using var response = await _http.SendAsync(request, token);
                if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"direct part {i + 1}: {(int)response.StatusCode}");
                etags[i] = new PartETag(i + 1, response.Headers.TryGetValues("ETag", out var etag) ? etag.First()
                    : throw new InvalidOperationException($"direct part {i + 1}: no ETag"));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(part);
            }
        });
    }

    private static string DirectKey(string folder, string extension) => $"bench/{folder}/{Guid.NewGuid():N}{extension}";

    private Protocol PresignProtocol =>
        options.S3Endpoint.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ? Protocol.HTTPS : Protocol.HTTP;

    private Uri Presign(string key, string contentType) => new(_s3.GetPreSignedURL(new GetPreSignedUrlRequest
    {
        BucketName = options.Bucket,
        Key = key,
        Verb = HttpVerb.PUT,
        ContentType = contentType,
        Protocol = PresignProtocol,
        Expires = DateTime.UtcNow.AddHours(2),
    }));

    private static IAmazonS3 CreateS3Client(Options options) => new AmazonS3Client(
        new BasicAWSCredentials(options.AccessKey, options.SecretKey),
        new AmazonS3Config
        {
            ServiceURL = options.S3Endpoint,
            AuthenticationRegion = options.Region,
            ForcePathStyle = true,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });

    public static string Describe(CpuSample cpu) =>
        $"CPU s: service {cpu.Service:F2} rgw {cpu.Rgw:F2} ceph {cpu.Ceph:F2} client {cpu.Client:F2} other {cpu.Other:F2}";

    public static double Mib(long bytes) => Math.Round(bytes / 1048576.0, 1);
}

public sealed class LargeResult(long size)
{
    public long Size => size;
    public List<double> Direct { get; } = [];
    public List<double> Service { get; } = [];
    /// <summary>A direct multipart upload in the service's buffered part size and parallelism (its path for a body of unknown length).</summary>
    public List<double> DirectMultipart { get; } = [];
    public CpuSample DirectCpu { get; set; }
    public CpuSample DirectMultipartCpu { get; set; }
    public List<CpuSample> DirectRunCpu { get; } = [];
    public List<CpuSample> ServiceRunCpu { get; } = [];
    public CpuSample ServiceCpu { get; set; }
    public int ServicePid { get; init; }
    public long ServicePeakBefore { get; init; }
    public long ServicePeakAfter { get; set; }
    public long ServiceRssAfter { get; set; }
}

public sealed class SmallResult(string path, int count, int concurrency)
{
    public string Path => path;
    public int Count => count;
    public int Concurrency => concurrency;
    public List<double> Rates { get; } = [];
    public List<double> Latencies { get; } = [];
    public CpuSample Cpu { get; private set; }
    public int Runs => Rates.Count;
    public long ServicePeakBefore { get; set; } = -1;
    public long ServicePeakAfter { get; set; } = -1;

    public void AddRun(double wall, List<double> latencies, CpuSample cpu)
    {
        Rates.Add(count / wall);
        Latencies.AddRange(latencies);
        Cpu += cpu;
    }
}
