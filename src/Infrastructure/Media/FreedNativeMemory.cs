using System.Runtime.InteropServices;

namespace AssetManager.Infrastructure.Media;

/// <summary>
/// Gives the memory libvips freed back to the system. glibc keeps freed memory in the arena of the thread that used
/// it (up to eight arenas per core), and libvips decodes on worker threads of its own, so without this the memory of
/// each rendition stays resident and the next one, on other threads, comes on top of it. <c>malloc_trim</c> returns
/// the free pages of every arena. <c>MALLOC_ARENA_MAX=2</c> in the service's environment (docs/running.md) keeps
/// fewer arenas to begin with.
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
