using System.Runtime.InteropServices;
using AssetManager.Infrastructure.Media;

namespace AssetManager.UnitTests.Infrastructure.Media;

/// <summary>
/// Alone: a rendition test on another thread calls <c>malloc_trim</c> too, and one between the frees and the first
/// reading would leave nothing for this test's call to return.
/// </summary>
[CollectionDefinition(nameof(FreedNativeMemoryTests), DisableParallelization = true)]
[Collection(nameof(FreedNativeMemoryTests))]
public sealed class FreedNativeMemoryTests
{
    private const int Blocks = 3000;
    private const int BlockBytes = 64 * 1024; // below glibc's mmap threshold: from an arena, kept there once freed

    [Fact]
    public void Memory_freed_between_blocks_still_in_use_goes_back_to_the_system()
    {
        // 64 KiB blocks each followed by a small one that stays: freeing the large ones leaves holes glibc keeps
        var ones = Enumerable.Repeat((byte)1, BlockBytes).ToArray();
        var large = new IntPtr[Blocks];
        var small = new IntPtr[Blocks];
        for (var i = 0; i < Blocks; i++)
        {
            large[i] = Marshal.AllocHGlobal(BlockBytes);
            Marshal.Copy(ones, 0, large[i], BlockBytes); // touched: resident
            small[i] = Marshal.AllocHGlobal(32);
        }
        try
        {
            foreach (var block in large) Marshal.FreeHGlobal(block);
            var kept = ResidentAnonymousBytes();

            FreedNativeMemory.ReturnToSystem();

            var returned = kept - ResidentAnonymousBytes();
            Assert.True(returned > Blocks * (long)BlockBytes / 2, $"{returned >> 20} MiB of {Blocks * (long)BlockBytes >> 20} MiB returned");
        }
        finally
        {
            foreach (var block in small) Marshal.FreeHGlobal(block);
        }
    }

    private static long ResidentAnonymousBytes() =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("RssAnon:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
}
