using System.Runtime.InteropServices;

namespace AssetManager.WebApi.Hosting;

/// <summary>
/// Caps glibc's malloc arenas at start, as <c>MALLOC_ARENA_MAX=2</c> in the environment would. glibc gives threads that
/// meet a busy arena one of their own (up to eight per core) and keeps what they freed there: libvips's worker threads
/// left the service 100 MiB larger after a few renditions (docs/performance.md, "Renditions"). The runtime's own heap
/// is not malloc's, so requests do not queue on the cap. An operator's <c>MALLOC_ARENA_MAX</c> wins.
/// </summary>
public static class MallocArenas
{
    private const int MArenaMax = -8; // malloc.h
    public const int Default = 2;

    /// <summary>True when the cap was set here; false elsewhere than glibc on Linux, or when the environment sets one.</summary>
    public static bool Limit(int arenas = Default)
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null) return false;
        try
        {
            return mallopt(MArenaMax, arenas) == 1;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false; // another C library (musl) has no arenas to cap
        }
    }

    [DllImport("libc")]
    private static extern int mallopt(int param, int value);
}
