using System.Globalization;
using System.Text;

namespace AssetManager.Bench;

/// <summary>The renditions phase's section of the markdown report.</summary>
public static class RenditionsReport
{
    public static string Build(Options options, RenditionsResult r)
    {
        var o = options.Renditions;
        var md = new StringBuilder();
        md.AppendLine("## Renditions");
        md.AppendLine();
        md.AppendLine($"Files: {Describe(r.Files)}. Each service run uploads them all at once ({options.Concurrency} in flight) into a new box and " +
                      $"lists the box every {o.PollMilliseconds} ms until every asset is `ready` (width, height and duration checked). " +
                      $"The command-line tools run {r.JobConcurrency} file(s) at once, as the service's job engine (Jobs:MaxConcurrency): " +
                      "an image is `vipsthumbnail in -s \"2048x2048>\" -o prev.webp[Q=80,strip]` then `vipsthumbnail prev.webp -s \"512x512>\" " +
                      "-o thumb.webp[Q=80,strip]`, a video `ffprobe` then one `ffmpeg -ss 1 -i in` writing both WebP files; " +
                      "*+ download* first GETs each original from RGW (AWS SDK, to a file), as the service's job must. " +
                      "Runs alternate which goes first.");
        md.AppendLine();

        var after201 = Report.Median(r.Service.Select(s => s.AfterLast201).ToList());
        var afterFirst = Report.Median(r.Service.Select(s => s.AfterFirst201).ToList());
        var cli = Report.Median(r.CommandLine.Select(c => c.Wall).ToList());
        var cliDownload = Report.Median(r.CommandLineWithDownload.Select(c => c.Wall).ToList());
        var serviceCpu = Report.Median(r.Service.Select(s => s.AfterUploadsCpu.Service).ToList());
        var serviceCpuWhole = Report.Median(r.Service.Select(s => s.WholeCpu.Service).ToList());
        var cliCpu = Report.Median(r.CommandLine.Select(c => c.Cpu.Client).ToList());
        var cliDownloadCpu = Report.Median(r.CommandLineWithDownload.Select(c => c.Cpu.Client).ToList());
        md.AppendLine($"| medians of {r.Service.Count} run(s) | service | CLI | CLI + download | service / CLI | service / (CLI + download) | service VmHWM MiB |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        md.AppendLine($"| wall s, last 201 to last ready | {after201:F2} | {cli:F2} | {cliDownload:F2} | **{after201 / cli:F2}x** | **{after201 / cliDownload:F2}x** | {Benchmark.Mib(r.PeakAfterRenditions):F1} |");
        md.AppendLine($"| wall s, first 201 to last ready | {afterFirst:F2} | | | {afterFirst / cli:F2}x | {afterFirst / cliDownload:F2}x | |");
        md.AppendLine($"| CPU s: service with its ffmpeg runs, from the last 201 (whole run); the tools and this client | {serviceCpu:F2} ({serviceCpuWhole:F2}) | {cliCpu:F2} | {cliDownloadCpu:F2} | {serviceCpu / cliCpu:F2}x | {serviceCpu / cliDownloadCpu:F2}x | |");
        md.AppendLine();
        md.AppendLine($"Service VmHWM (peak resident set, MiB, pid {r.ServicePid}): {Benchmark.Mib(r.PeakAfterWarmUp):F1} after the warm-up; " +
                      string.Join("; ", r.Service.Select(s => $"run {s.Run}: {Benchmark.Mib(s.PeakAtLast201):F1} at the last 201, {Benchmark.Mib(s.PeakAtLastReady):F1} " +
                                                              $"at the last ready (largest VmRSS seen while polling {Benchmark.Mib(s.MaxRss):F1})")) +
                      (r.Idle is null ? "." : $"; {Benchmark.Mib(r.PeakAfterIdle):F1} after the idle upload comparison, {Benchmark.Mib(r.PeakAfterBusy):F1} after the busy one."));
        md.AppendLine();

        md.AppendLine("| run | path | wall s | service CPU s | radosgw CPU s | ceph CPU s | client CPU s | other CPU s |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var s in r.Service)
        {
            md.AppendLine(Row(s.Run, $"service, whole run (uploads {s.Last201:F2} s)", s.LastReady, s.WholeCpu));
            md.AppendLine(Row(s.Run, "service, from the last 201", s.AfterLast201, s.AfterUploadsCpu));
        }
        foreach (var c in r.CommandLine.Concat(r.CommandLineWithDownload).OrderBy(c => c.Run))
            md.AppendLine(Row(c.Run, c.WithDownload ? "CLI + download" : "CLI", c.Wall, c.Cpu));
        md.AppendLine();
        md.AppendLine("(Service CPU includes the ffmpeg and ffprobe runs it waited for; client CPU is this program with the command-line tools; " +
                      "`other` is the rest of the machine's busy time.)");
        md.AppendLine();

        if (r.Idle is { } idle && r.Busy is { } busy && r.Backlog is { } backlog)
        {
            md.AppendLine($"### Uploads while renditions are made");
            md.AppendLine();
            md.AppendLine($"The upload comparison, shortened ({o.BusyRuns} batch(es) of {o.BusySmallCount} x {Options.FormatSize(options.SmallSize)} at concurrency " +
                          $"{options.Concurrency} and {o.BusyRuns} upload(s) of {Options.FormatSize(o.BusySize)} each way, alternating), with the service idle (each batch " +
                          "and upload starting once the service has finished the renditions jobs the one before asked for), then " +
                          $"right after the {r.Files.Count} files above were uploaded as a backlog of renditions (uploaded in {backlog.Last201:F1} s; the comparison ran from " +
                          $"{backlog.ComparisonStart:F1} to {backlog.ComparisonEnd:F1} s, {busy.PendingAtEnd} of {r.Files.Count} still not ready at its end, the last ready at {backlog.LastReady:F1} s). " +
                          "Each upload through the service asks for renditions of its (random) file too; a busy engine takes those after the backlog.");
            md.AppendLine();
            md.AppendLine("| | idle: direct | service | service / direct | busy: direct | service | service / direct |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
            md.AppendLine($"| {Options.FormatSize(options.SmallSize)} x {options.Concurrency}, uploads/s | {Report.Median(idle.SmallDirect):F1} | {Report.Median(idle.SmallService):F1} | **{idle.SmallRatio:F2}x** | " +
                          $"{Report.Median(busy.SmallDirect):F1} | {Report.Median(busy.SmallService):F1} | **{busy.SmallRatio:F2}x** |");
            md.AppendLine($"| {Options.FormatSize(o.BusySize)}, s | {Report.Median(idle.MediumDirect):F3} | {Report.Median(idle.MediumService):F3} | **{idle.MediumRatio:F2}x** | " +
                          $"{Report.Median(busy.MediumDirect):F3} | {Report.Median(busy.MediumService):F3} | **{busy.MediumRatio:F2}x** |");
            md.AppendLine();
            md.AppendLine($"CPU s over each comparison: idle: {Benchmark.Describe(idle.Cpu)}; busy: {Benchmark.Describe(busy.Cpu)} (service with its ffmpeg runs).");
            md.AppendLine();
            foreach (var c in new[] { idle, busy })
                md.AppendLine($"- {c.Label}: small files direct {List(c.SmallDirect, "F1")} / service {List(c.SmallService, "F1")} uploads/s; " +
                              $"{Options.FormatSize(o.BusySize)} direct {List(c.MediumDirect, "F3")} / service {List(c.MediumService, "F3")} s");
            md.AppendLine();
        }
        return md.ToString();
    }

    private static string Row(int run, string path, double wall, CpuSample cpu) =>
        $"| {run} | {path} | {wall:F2} | {cpu.Service:F2} | {cpu.Rgw:F2} | {cpu.Ceph:F2} | {cpu.Client:F2} | {cpu.Other:F2} |";

    private static string List(IEnumerable<double> values, string format) =>
        string.Join(", ", values.Select(v => v.ToString(format, CultureInfo.InvariantCulture)));

    private static string Describe(IReadOnlyList<MediaFile> files)
    {
        var parts = files.GroupBy(f => (f.Extension, f.Width, f.Height, f.Duration)).Select(g =>
        {
            var (extension, width, height, duration) = g.Key;
            var kind = duration is { } seconds ? $"{extension[1..].ToUpperInvariant()} videos of {seconds:0} s, {width} x {height} H.264" : $"{extension[1..].ToUpperInvariant()} of {width} x {height}";
            return $"{g.Count()} {kind} ({g.Average(f => f.Size) / 1e6:F1} MB each on average)";
        });
        return $"{string.Join(", ", parts)}; {files.Sum(f => f.Size) / 1048576.0:F0} MiB in all";
    }
}
