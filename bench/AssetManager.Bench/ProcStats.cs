using System.Globalization;

namespace AssetManager.Bench;

/// <summary>What <c>/proc/&lt;pid&gt;</c> tells about a process: peak and current resident memory, CPU time.</summary>
public static class ProcStats
{
    private const double TicksPerSecond = 100.0; // USER_HZ on Linux

    /// <summary>A value of <c>/proc/&lt;pid&gt;/status</c> in bytes (<c>VmHWM</c>, <c>VmRSS</c>), or null when it cannot be read.</summary>
    public static long? StatusBytes(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (!line.StartsWith(field + ":", StringComparison.Ordinal)) continue;
                var parts = line[(field.Length + 1)..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return long.Parse(parts[0], CultureInfo.InvariantCulture) * 1024; // "kB"
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return null;
    }

    /// <summary>User + system CPU seconds of the process (all its threads), or null when it cannot be read.</summary>
    public static double? CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // fields after the command name, which is in parentheses and may contain spaces
            var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // rest[0] is field 3 (state); utime is field 14, stime field 15
            var utime = long.Parse(rest[11], CultureInfo.InvariantCulture);
            var stime = long.Parse(rest[12], CultureInfo.InvariantCulture);
            return (utime + stime) / TicksPerSecond;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    /// <summary>
    /// User + system CPU seconds of the process and of its children that it has waited for (the ffmpeg runs of the
    /// service, the command-line tools of this program), or null when it cannot be read.
    /// </summary>
    public static double? CpuSecondsWithChildren(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // utime, stime, cutime, cstime are fields 14 to 17
            return Enumerable.Range(11, 4).Sum(i => long.Parse(rest[i], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    /// <summary>CPU seconds of the whole machine (all cores, busy time only), from <c>/proc/stat</c>.</summary>
    public static double MachineBusySeconds()
    {
        var first = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // cpu user nice system idle iowait irq softirq steal ...
        long busy = 0;
        for (var i = 1; i < first.Length && i <= 8; i++)
            if (i is not 4 and not 5) busy += long.Parse(first[i], CultureInfo.InvariantCulture);
        return busy / TicksPerSecond;
    }

    public static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "?"; }
    }
}

/// <summary>
/// CPU seconds used between two points by the service, radosgw, the other Ceph daemons (OSD, monitor), this client,
/// and the whole machine; what is left of the machine's busy time belongs to other processes (noise).
/// </summary>
/// <remarks>With <paramref name="withChildren"/>, the service's and this client's figures include their finished child processes.</remarks>
public sealed class CpuMeter(int servicePid, int? rgwPid, IReadOnlyList<int> cephPids, bool withChildren = false)
{
    private readonly int _self = Environment.ProcessId;
    private double _service, _rgw, _ceph, _client, _machine;

    private double Ceph() => cephPids.Sum(p => ProcStats.CpuSeconds(p) ?? 0);

    private double Own(int pid) => (withChildren ? ProcStats.CpuSecondsWithChildren(pid) : ProcStats.CpuSeconds(pid)) ?? 0;

    public CpuMeter Start()
    {
        _service = Own(servicePid);
        _rgw = rgwPid is { } r ? ProcStats.CpuSeconds(r) ?? 0 : 0;
        _ceph = Ceph();
        _client = Own(_self);
        _machine = ProcStats.MachineBusySeconds();
        return this;
    }

    public CpuSample Stop() => new(
        Own(servicePid) - _service,
        rgwPid is { } r ? (ProcStats.CpuSeconds(r) ?? 0) - _rgw : double.NaN,
        Ceph() - _ceph,
        Own(_self) - _client,
        ProcStats.MachineBusySeconds() - _machine);
}

public readonly record struct CpuSample(double Service, double Rgw, double Ceph, double Client, double Machine)
{
    /// <summary>Busy time of processes that are not part of the measurement.</summary>
    public double Other => Machine - Service - (double.IsNaN(Rgw) ? 0 : Rgw) - Ceph - Client;

    public static CpuSample operator +(CpuSample a, CpuSample b) =>
        new(a.Service + b.Service, a.Rgw + b.Rgw, a.Ceph + b.Ceph, a.Client + b.Client, a.Machine + b.Machine);

    public CpuSample Per(int n) => new(Service / n, Rgw / n, Ceph / n, Client / n, Machine / n);
}
