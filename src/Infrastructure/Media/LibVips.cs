using NetVips;

namespace AssetManager.Infrastructure.Media;

/// <summary>The process-wide settings of libvips, applied once before its first use.</summary>
internal static class LibVips
{
    private static readonly Lazy<bool> Configured = new(() =>
    {
        // Every file is read once, so the operation cache would only hold memory and open files. The thread pool
        // keeps libvips' default: one worker per core for each image being decoded.
        Cache.Max = 0;
        Cache.MaxMem = 0;
        Cache.MaxFiles = 0;
        return true;
    });

    public static void EnsureConfigured() => _ = Configured.Value;
}
