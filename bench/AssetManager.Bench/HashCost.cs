using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AssetManager.Bench;

/// <summary>
/// What computing the SHA-256 while a file streams through the service costs: the same work (64 KiB appends, as the
/// service's reads) over 1 GiB in this process, on one thread, beside what a 1 GiB upload through the service took.
/// </summary>
public static class HashCost
{
    public const long Bytes = 1L << 30;
    private const int Chunk = 64 * 1024;

    public static (double WallSeconds, double CpuSeconds) Measure()
    {
        var buffer = new byte[Chunk];
        Random.Shared.NextBytes(buffer);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(buffer); // first use out of the way
        hash.GetHashAndReset();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (long done = 0; done < Bytes; done += Chunk) hash.AppendData(buffer);
        hash.GetHashAndReset();
        return (clock.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
    }

    /// <param name="upload">The 1 GiB phase, when this run had one.</param>
    public static string Markdown((double WallSeconds, double CpuSeconds) hash, LargeResult? upload)
    {
        var md = new StringBuilder();
        md.AppendLine("## What the checksum costs");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"SHA-256 of {Options.FormatSize(Bytes)} in 64 KiB appends, in the benchmark's process on one core: " +
                      $"{hash.WallSeconds:F2} s wall, {hash.CpuSeconds:F2} s CPU ({Bytes / 1048576.0 / hash.WallSeconds:F0} MiB/s).");
        if (upload is not null)
        {
            var wall = Report.Median(upload.Service);
            var cpu = upload.ServiceCpu.Per(upload.Service.Count).Service;
            md.AppendLine(CultureInfo.InvariantCulture, $"A {Options.FormatSize(upload.Size)} upload through the service (which hashes while it streams) took " +
                          $"{wall:F2} s (median) and {cpu:F2} s of the service's CPU: the hash is **{hash.CpuSeconds / cpu:P0} of the service's CPU** " +
                          $"and at most {hash.WallSeconds / wall:P0} of the upload's time (less where it overlaps the network, on the other core).");
        }
        else
        {
            md.AppendLine("(No 1 GiB upload in this run; `bench/run.sh` without `--small` measures one to compare with.)");
        }
        md.AppendLine();
        return md.ToString();
    }
}
