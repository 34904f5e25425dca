using System.Globalization;

namespace AssetManager.Bench;

/// <summary>Command-line options (<c>--name value</c>); <c>bench/run.sh</c> passes them.</summary>
public sealed record Options
{
    /// <summary>Folder with the published service (<c>AssetManager.WebApi.dll</c>).</summary>
    public required string ServiceDir { get; init; }
    /// <summary>Scratch folder: generated files, the service's SQLite file and logs, the service PID file.</summary>
    public required string WorkDir { get; init; }
    public required string OutFile { get; init; }
    public string S3Endpoint { get; init; } = "http://127.0.0.1:7480";
    public string AccessKey { get; init; } = "testkey";
    public string SecretKey { get; init; } = "testsecret";
    public string Bucket { get; init; } = "bench";
    public string Region { get; init; } = "us-east-1";
    public int ServicePort { get; init; } = 18080;
    public IReadOnlyList<long> Sizes { get; init; } = [64L << 20, 1L << 30];
    public int Runs { get; init; } = 3;
    public int SmallCount { get; init; } = 1000;
    public int SmallRuns { get; init; } = 3;
    public long SmallSize { get; init; } = 100L << 10;
    public int Concurrency { get; init; } = 16;
    /// <summary>Part size and parts in flight of the direct multipart upload: the service's defaults.</summary>
    public int PartSize { get; init; } = 5 * 1024 * 1024;
    public int PartsInFlight { get; init; } = 4;
    /// <summary>A fresh service process for each large size and for the small-file phase, so each VmHWM stands alone.</summary>
    public bool FreshServicePerPhase { get; init; } = true;
    /// <summary>PID of radosgw, to report its CPU time beside the service's (optional).</summary>
    public int? RgwPid { get; init; }
    /// <summary>PIDs of the other Ceph daemons (OSD, monitor), whose CPU is reported together (optional).</summary>
    public IReadOnlyList<int> CephPids { get; init; } = [];
    /// <summary>Files in the batch-upload comparison (issue "More ways in"), their size, and runs each way (default: <see cref="Runs"/>); 0 files skips it.</summary>
    public int BatchCount { get; init; } = 50;
    public long BatchFileSize { get; init; } = 1L << 20;
    public int BatchRuns { get; init; } = -1;
    /// <summary>Free text put in the report's header (machine, S3 server, command).</summary>
    public string Label { get; init; } = "";
    /// <summary>The renditions phase (RenditionOptions.cs).</summary>
    public RenditionOptions Renditions { get; init; } = new();

    private static readonly HashSet<string> Known =
    [
        "service-dir", "work-dir", "out", "s3-endpoint", "access-key", "secret-key", "bucket", "region", "service-port",
        "sizes", "runs", "small-count", "small-runs", "small-size", "concurrency", "part-size", "parts-in-flight", "shared-service", "rgw-pid", "ceph-pids", "label",
        "batch-count", "batch-file-size", "batch-runs",
    ];

    public static Options Parse(string[] args)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unexpected argument '{args[i]}'");
            var name = args[i][2..];
            if (!Known.Contains(name) && !RenditionOptions.Known.Contains(name)) throw new ArgumentException($"unknown option --{name}");
            if (name is "shared-service") { map[name] = "true"; continue; }
            if (i + 1 >= args.Length) throw new ArgumentException($"--{name} needs a value");
            map[name] = args[++i];
        }
        string Req(string name) => map.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required");
        string? Opt(string name) => map.GetValueOrDefault(name);
        var defaults = new Options { ServiceDir = "", WorkDir = "", OutFile = "" };
        return new Options
        {
            ServiceDir = Path.GetFullPath(Req("service-dir")),
            WorkDir = Path.GetFullPath(Req("work-dir")),
            OutFile = Path.GetFullPath(Req("out")),
            S3Endpoint = Opt("s3-endpoint") ?? defaults.S3Endpoint,
            AccessKey = Opt("access-key") ?? defaults.AccessKey,
            SecretKey = Opt("secret-key") ?? defaults.SecretKey,
            Bucket = Opt("bucket") ?? defaults.Bucket,
            Region = Opt("region") ?? defaults.Region,
            ServicePort = Opt("service-port") is { } port ? int.Parse(port, CultureInfo.InvariantCulture) : defaults.ServicePort,
            Sizes = Opt("sizes") is { } sizes ? sizes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(ParseSize).ToList() : defaults.Sizes,
            Runs = Opt("runs") is { } runs ? int.Parse(runs, CultureInfo.InvariantCulture) : defaults.Runs,
            SmallCount = Opt("small-count") is { } count ? int.Parse(count, CultureInfo.InvariantCulture) : defaults.SmallCount,
            SmallRuns = Opt("small-runs") is { } smallRuns ? int.Parse(smallRuns, CultureInfo.InvariantCulture) : defaults.SmallRuns,
            SmallSize = Opt("small-size") is { } smallSize ? ParseSize(smallSize) : defaults.SmallSize,
            Concurrency = Opt("concurrency") is { } c ? int.Parse(c, CultureInfo.InvariantCulture) : defaults.Concurrency,
            PartSize = Opt("part-size") is { } partSize ? (int)ParseSize(partSize) : defaults.PartSize,
            PartsInFlight = Opt("parts-in-flight") is { } inFlight ? int.Parse(inFlight, CultureInfo.InvariantCulture) : defaults.PartsInFlight,
            FreshServicePerPhase = !map.ContainsKey("shared-service"),
            RgwPid = Opt("rgw-pid") is { } pid && pid.Length > 0 ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
            CephPids = Opt("ceph-pids") is { } pids
                ? pids.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList()
                : [],
            Label = Opt("label") ?? "",
            BatchCount = Opt("batch-count") is { } batchCount ? int.Parse(batchCount, CultureInfo.InvariantCulture) : defaults.BatchCount,
            BatchFileSize = Opt("batch-file-size") is { } batchSize ? ParseSize(batchSize) : defaults.BatchFileSize,
            BatchRuns = Opt("batch-runs") is { } batchRuns ? int.Parse(batchRuns, CultureInfo.InvariantCulture)
                : Opt("runs") is { } runsAgain ? int.Parse(runsAgain, CultureInfo.InvariantCulture) : defaults.Runs,
            Renditions = RenditionOptions.From(map),
        };
    }

    /// <summary><c>100K</c>, <c>64M</c>, <c>1G</c> (binary units) or plain bytes.</summary>
    public static long ParseSize(string text)
    {
        text = text.Trim().ToUpperInvariant().Replace("IB", "", StringComparison.Ordinal).TrimEnd('B');
        long unit = 1;
        if (text.EndsWith('K')) unit = 1L << 10;
        else if (text.EndsWith('M')) unit = 1L << 20;
        else if (text.EndsWith('G')) unit = 1L << 30;
        if (unit != 1) text = text[..^1];
        return (long)(double.Parse(text, CultureInfo.InvariantCulture) * unit);
    }

    public static string FormatSize(long bytes) => bytes switch
    {
        >= 1L << 30 when bytes % (1L << 30) == 0 => $"{bytes >> 30} GiB",
        >= 1L << 20 when bytes % (1L << 20) == 0 => $"{bytes >> 20} MiB",
        >= 1L << 10 when bytes % (1L << 10) == 0 => $"{bytes >> 10} KiB",
        _ => $"{bytes} B",
    };
}
