using System.Runtime.InteropServices;

namespace AssetManager.WebApi.Hosting;

/// <summary>
/// The process's open-file limit (<c>RLIMIT_NOFILE</c>) on Linux. Every connection holds a descriptor, and so does
/// everything else: the runtime itself (two per loaded assembly, about 300 at start), the database, logs, files
/// being written, the store's connections. A process at its limit can no longer accept, open a file, or start a
/// thread: .NET then aborts with "Out of memory." (docs/security.md).
/// </summary>
public static class OpenFileLimit
{
    private const int RlimitNofile = 7; // Linux, on the architectures .NET runs on

    [StructLayout(LayoutKind.Sequential)]
    private struct RLimit
    {
        public nuint Soft;
        public nuint Hard;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int getrlimit(int resource, out RLimit limit);

    [DllImport("libc", SetLastError = true)]
    private static extern int setrlimit(int resource, in RLimit limit);

    /// <summary>The soft (enforced) and hard (most it may be raised to) limits; null where unknown (not Linux).</summary>
    public static (long Soft, long Hard)? Read()
    {
        if (!OperatingSystem.IsLinux() || getrlimit(RlimitNofile, out var limit) != 0) return null;
        return (ToLong(limit.Soft), ToLong(limit.Hard));
    }

    /// <summary>
    /// Raises the soft limit to the hard one, as Go's runtime does at start: systemd and most distributions keep the
    /// soft limit at 1,024 for programs that use <c>select()</c>, which .NET does not, and leave the hard one high.
    /// Returns the limits in force afterwards (unchanged if the raise was refused).
    /// </summary>
    public static (long Soft, long Hard)? RaiseSoftToHard()
    {
        if (!OperatingSystem.IsLinux() || getrlimit(RlimitNofile, out var limit) != 0) return null;
        if (limit.Soft < limit.Hard) setrlimit(RlimitNofile, new RLimit { Soft = limit.Hard, Hard = limit.Hard });
        return Read();
    }

    private static long ToLong(nuint value) => (ulong)value >= long.MaxValue ? long.MaxValue : (long)value;
}
