using System.Runtime.InteropServices;

namespace AssetManager.Infrastructure.Media;

/// <summary>
/// Gives the memory libvips freed back to the system. glibc keeps freed memory in the arena of the thread that used
/// it (a process has up to eight arenas per core), so after a few renditions on libvips's worker threads the service
/// stayed 25-50 MiB larger than it needed to be; <c>malloc_trim</c> after each rendition returns it (0.1-0.5 ms).
/// <c>MALLOC_ARENA_MAX=2</c> in the service's environment saves about 30 MiB more (docs/running.md).
/// </summary>
internal static class FreedNativeMemory
{
    public static void ReturnToSystem()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            malloc_trim(0);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // another C library (musl): nothing kept that way
        }
    }

    [DllImport("libc")]
    private static extern int malloc_trim(nuint pad);
}
