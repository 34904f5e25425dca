using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Connections;

namespace AssetManager.WebApi.Http;

/// <summary>
/// Kestrel's memory pool with larger blocks. Kestrel receives into one pool block at a time, and its own blocks are
/// 4 KiB: a 1 GiB upload is 262,144 receive calls, which was the largest single cost of an upload
/// (docs/performance.md). With <see cref="BlockSize"/> blocks one call takes up to that much.
/// Blocks are pinned (sockets read into them directly); at most <see cref="Retained"/> (4 MiB) are kept per pool
/// when returned (Kestrel makes a pool per I/O queue), the rest are left to the garbage collector.
/// </summary>
public sealed class ReceiveBufferPool : MemoryPool<byte>
{
    public const int BlockSize = 64 * 1024;
    public const int Retained = 64;

    private readonly ConcurrentQueue<Block> _free = new();
    private volatile bool _disposed;

    public override int MaxBufferSize => BlockSize;

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        if (minBufferSize > BlockSize) throw new ArgumentOutOfRangeException(nameof(minBufferSize));
        var block = _free.TryDequeue(out var free) ? free : new Block(this);
        block.Lease();
        return block;
    }

    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        _free.Clear();
    }

    private void Return(Block block)
    {
        if (!_disposed && _free.Count < Retained) _free.Enqueue(block);
    }

    private sealed class Block(ReceiveBufferPool pool) : IMemoryOwner<byte>
    {
        private int _leased;

        public Memory<byte> Memory { get; } =
            MemoryMarshal.CreateFromPinnedArray(GC.AllocateUninitializedArray<byte>(BlockSize, pinned: true), 0, BlockSize);

        public void Lease() => Volatile.Write(ref _leased, 1);

        // A second Dispose must not queue the block twice: two connections would then share it.
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _leased, 0) == 1) pool.Return(this);
        }
    }

    /// <summary>Registered in DI, Kestrel's socket transport takes its pools from here.</summary>
    public sealed class Factory : IMemoryPoolFactory<byte>
    {
        public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => new ReceiveBufferPool();
    }
}
