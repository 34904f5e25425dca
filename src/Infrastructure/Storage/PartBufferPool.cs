using System.Buffers;
using System.Collections.Concurrent;

namespace AssetManager.Infrastructure.Storage;

/// <summary>
/// Part buffers of exactly the part size (the shared pools round 5 MiB up to 8 MiB), allocated uninitialized so
/// that no page is touched before data lands in it, and at most <paramref name="retained"/> kept between uploads.
/// </summary>
internal sealed class PartBufferPool(int retained) : ArrayPool<byte>
{
    private readonly ConcurrentBag<byte[]> _free = [];

    public override byte[] Rent(int minimumLength)
    {
        while (_free.TryTake(out var buffer))
            if (buffer.Length == minimumLength) return buffer;
        return GC.AllocateUninitializedArray<byte>(minimumLength);
    }

    public override void Return(byte[] array, bool clearArray = false)
    {
        if (_free.Count < retained) _free.Add(array);
    }
}
