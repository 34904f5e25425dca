using System.Diagnostics;
using AssetManager.Bench;

// Upload benchmark of issue 4: each large size through the service and as a direct presigned PUT with the same
// HTTP client (alternating, median of the runs), the service's peak memory, and the small-file rate at a given
// concurrency; then the renditions phase (Benchmark.Renditions.cs). bench/run.sh starts the S3 server and publishes
// the service, then runs this.

Options options;
try
{
    options = Options.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    Console.Error.WriteLine("usage: AssetManager.Bench --service-dir DIR --work-dir DIR --out FILE.md [--sizes 64M,1G] [--runs 3]");
    Console.Error.WriteLine("       [--small-count 1000] [--small-runs 3] [--small-size 100K] [--concurrency 16] [--shared-service]");
    Console.Error.WriteLine("       [--s3-endpoint URL] [--access-key K] [--secret-key S] [--bucket B] [--region R] [--service-port P]");
    Console.Error.WriteLine("       [--rgw-pid PID] [--label TEXT]");
    Console.Error.WriteLine("       [--media-images 20] [--media-image-size 4096] [--media-videos 5] [--media-video-seconds 60] [--media-video-height 1080]");
    Console.Error.WriteLine("       [--media-runs 2] [--job-concurrency N] [--busy-small-count 300] [--busy-size 64M] [--busy-runs 3] [--poll-ms 200]");
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
try
{
    var report = await new Benchmark(options).RunAsync(cancel.Token);
    Directory.CreateDirectory(Path.GetDirectoryName(options.OutFile)!);
    await File.WriteAllTextAsync(options.OutFile, report);
    Console.WriteLine();
    Console.WriteLine(report);
    Console.WriteLine($"written to {options.OutFile}");
    return 0;
}
catch (Exception ex)
{
    Console.Error.WriteLine($"benchmark failed: {ex}");
    return 1;
}

internal static class Log
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();
    public static void Info(string message) => Console.WriteLine($"[{Clock.Elapsed.TotalSeconds,7:F1} s] {message}");
}
