using System.Runtime.InteropServices;

namespace AssetManager.WebApi.Hosting;

/// <summary>
/// Sets two of glibc's malloc parameters at start, as <c>MALLOC_ARENA_MAX=2</c> and <c>MALLOC_MMAP_THRESHOLD_</c> in the
/// environment would. glibc gives threads that meet a busy arena one of their own (up to eight per core) and keeps what
/// they freed there; and it raises the size from which a block gets pages of its own (given back when freed) to the
/// largest block freed, up to 32 MiB, so that libvips's image buffers, after the first, stayed in the arenas. The
/// service grew with each batch of renditions (docs/performance.md, "Renditions"). The runtime's own heap is not
/// malloc's, so requests do not queue on the cap. A variable the operator sets wins.
/// </summary>
public static class MallocTuning
{
    internal const int MArenaMax = -8; // malloc.h
    internal const int MMmapThreshold = -3;
    public const int Arenas = 2;
    public const int MmapThreshold = 1024 * 1024;

    /// <summary>What was set here: nothing elsewhere than glibc on Linux, nor what the environment sets.</summary>
    public static (bool ArenasCapped, bool MmapThresholdFixed) Apply()
    {
        if (!OperatingSystem.IsLinux()) return (false, false);
        try
        {
            return Apply(Environment.GetEnvironmentVariable, mallopt);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return (false, false); // another C library (musl): neither parameter exists
        }
    }

    /// <summary>The decisions, with the environment and <c>mallopt</c> given (the tests' own, which leave the process as it is).</summary>
    internal static (bool ArenasCapped, bool MmapThresholdFixed) Apply(Func<string, string?> environment, Func<int, int, int> setOption)
    {
        bool Set(string variable, int parameter, int value) => environment(variable) is null && setOption(parameter, value) == 1;
        return (Set("MALLOC_ARENA_MAX", MArenaMax, Arenas), Set("MALLOC_MMAP_THRESHOLD_", MMmapThreshold, MmapThreshold));
    }

    [DllImport("libc")]
    private static extern int mallopt(int param, int value);
}
