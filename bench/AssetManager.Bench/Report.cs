using System.Globalization;
using System.Text;

namespace AssetManager.Bench;

/// <summary>The markdown report: the main tables first, then where the CPU went, then every run.</summary>
public static class Report
{
    public static string Build(Options o, DateTime started, string loadBefore, string loadAfter,
        IReadOnlyList<LargeResult> large, IReadOnlyList<SmallResult> small, IReadOnlyList<string> notes)
    {
        var md = new StringBuilder();
        md.AppendLine($"# AssetManager upload benchmark, {started:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();
        if (o.Label.Length > 0)
        {
            foreach (var line in o.Label.Split('\n')) md.AppendLine(line.TrimEnd());
            md.AppendLine();
        }
        md.AppendLine(($"Runs per size: {o.Runs} (alternating direct/service, medians); small files: {o.SmallCount} x {Options.FormatSize(o.SmallSize)} " +
                          $"at concurrency {o.Concurrency}, {o.SmallRuns} run(s) each way; " +
                          $"{(o.FreshServicePerPhase ? "a fresh service process per phase" : "one service process for all phases")}; " +
                          $"load average before {loadBefore}, after {loadAfter}."));
        md.AppendLine();

        if (large.Count > 0)
        {
            md.AppendLine("| size | direct median s | service median s | ratio | direct MiB/s | service MiB/s | service VmHWM MiB |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var r in large)
            {
                var d = Median(r.Direct);
                var s = Median(r.Service);
                var mib = r.Size / 1048576.0;
                md.AppendLine($"| {Options.FormatSize(r.Size)} | {d:F3} | {s:F3} | {s / d:F2}x | {mib / d:F1} | {mib / s:F1} | {Benchmark.Mib(r.ServicePeakAfter):F1} |");
            }
            md.AppendLine();
            md.AppendLine($"For comparison, the same bytes as a direct multipart upload in small parts ({Options.FormatSize(o.PartSize)}, " +
                          $"{o.PartsInFlight} in flight, presigned, from memory; same client): how the service sends a body without a declared " +
                          "length, and sent every large file before docs/adr/0003:");
            md.AppendLine();
            md.AppendLine("| size | direct multipart median s | direct multipart / direct PUT | service / direct multipart |");
            md.AppendLine("|---|---:|---:|---:|");
            foreach (var r in large)
            {
                var m = Median(r.DirectMultipart);
                md.AppendLine($"| {Options.FormatSize(r.Size)} | {m:F3} | {m / Median(r.Direct):F2}x | {Median(r.Service) / m:F2}x |");
            }
            md.AppendLine();
        }

        if (small.Count > 0)
        {
            md.AppendLine("| small files | files x runs | concurrency | uploads/s (median) | p50 ms | p95 ms | p99 ms | max ms |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var r in small)
            {
                var sorted = r.Latencies.Order().ToList();
                md.AppendLine(($"| {Options.FormatSize(o.SmallSize)} {r.Path} | {r.Count} x {r.Runs} | {r.Concurrency} | {Median(r.Rates):F1} | " +
                                  $"{Percentile(sorted, 50) * 1000:F1} | {Percentile(sorted, 95) * 1000:F1} | {Percentile(sorted, 99) * 1000:F1} | {sorted[^1] * 1000:F1} |"));
            }
            if (small.Count == 2)
                md.AppendLine(($"\nSmall-file rate, service / direct: **{Median(small[1].Rates) / Median(small[0].Rates):F2}x**" +
                                  (small[1].ServicePeakAfter > 0 ? $"; service VmHWM after the small-file phase {Benchmark.Mib(small[1].ServicePeakAfter):F1} MiB." : ".")));
            md.AppendLine();
        }

        md.AppendLine("## Where the CPU goes");
        md.AppendLine();
        md.AppendLine("CPU seconds per upload (user+system from `/proc/<pid>/stat`), summed over each path's runs and divided by the uploads; " +
                      "`ceph` is the OSD and the monitor; `other` is the rest of the machine's busy time (`/proc/stat`, all cores): processes that are not part of the benchmark.");
        md.AppendLine();
        md.AppendLine("| upload | path | wall s | service CPU s | radosgw CPU s | ceph CPU s | client CPU s | other CPU s |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in large)
        {
            foreach (var (name, times, cpu) in new[] { ("direct", r.Direct, r.DirectCpu), ("service", r.Service, r.ServiceCpu), ("direct multipart", r.DirectMultipart, r.DirectMultipartCpu) })
            {
                var per = cpu.Per(times.Count);
                md.AppendLine($"| {Options.FormatSize(r.Size)} | {name} | {times.Average():F3} | {per.Service:F3} | {Num(per.Rgw)} | {per.Ceph:F3} | {per.Client:F3} | {per.Other:F3} |");
            }
        }
        foreach (var r in small)
        {
            var n = r.Count * r.Runs;
            var per = r.Cpu.Per(n);
            md.AppendLine($"| {Options.FormatSize(o.SmallSize)} x {r.Concurrency} | {r.Path} | {1 / Median(r.Rates):F4} | {per.Service * 1000:F2} ms | " +
                              $"{(double.IsNaN(per.Rgw) ? "n/a" : $"{per.Rgw * 1000:F2} ms")} | {per.Ceph * 1000:F2} ms | {per.Client * 1000:F2} ms | {per.Other * 1000:F2} ms |");
        }
        md.AppendLine();
        md.AppendLine("(For the small files, `wall s` is the wall time per upload at that concurrency, 1 / rate.)");
        md.AppendLine();

        md.AppendLine("## Memory of the service");
        md.AppendLine();
        md.AppendLine("| phase | service pid | VmHWM after warm-up MiB | VmHWM after the phase MiB | VmRSS after MiB |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var r in large)
            md.AppendLine($"| {Options.FormatSize(r.Size)} uploads | {r.ServicePid} | {Benchmark.Mib(r.ServicePeakBefore):F1} | {Benchmark.Mib(r.ServicePeakAfter):F1} | {Benchmark.Mib(r.ServiceRssAfter):F1} |");
        if (small.Count == 2 && small[1].ServicePeakAfter > 0)
            md.AppendLine($"| small files | | {Benchmark.Mib(small[1].ServicePeakBefore):F1} | {Benchmark.Mib(small[1].ServicePeakAfter):F1} | |");
        md.AppendLine();

        md.AppendLine("## Every run (seconds)");
        md.AppendLine();
        foreach (var r in large)
        {
            md.AppendLine($"- {Options.FormatSize(r.Size)} direct: {Runs(r.Direct, r.DirectRunCpu)}");
            md.AppendLine($"- {Options.FormatSize(r.Size)} service: {Runs(r.Service, r.ServiceRunCpu)}");
            md.AppendLine($"- {Options.FormatSize(r.Size)} direct multipart: {Runs(r.DirectMultipart, [])}");
        }
        foreach (var r in small)
            md.AppendLine($"- small {r.Path}: {string.Join(", ", r.Rates.Select(t => t.ToString("F1", CultureInfo.InvariantCulture)))} uploads/s");
        foreach (var note in notes) md.AppendLine($"- {note}");
        return md.ToString();
    }

    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    private static string Runs(List<double> times, List<CpuSample> cpu) =>
        string.Join(", ", times.Select((t, i) => i < cpu.Count ? $"{t:F3} (service CPU {cpu[i].Service:F2}, radosgw {cpu[i].Rgw:F2})" : $"{t:F3}"));

    private static string Num(double value) => double.IsNaN(value) ? "n/a" : value.ToString("F3", CultureInfo.InvariantCulture);
}
