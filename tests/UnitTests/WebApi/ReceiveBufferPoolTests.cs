using AssetManager.WebApi.Http;

namespace AssetManager.UnitTests.WebApi;

public sealed class ReceiveBufferPoolTests
{
    [Fact]
    public void Every_block_is_the_full_block_size_whatever_is_asked()
    {
        using var pool = new ReceiveBufferPool.Factory().Create();

        Assert.Equal(ReceiveBufferPool.BlockSize, pool.MaxBufferSize);
        using var small = pool.Rent(1);
        using var any = pool.Rent();
        Assert.Equal(64 * 1024, small.Memory.Length);
        Assert.Equal(64 * 1024, any.Memory.Length);
    }

    [Fact]
    public void A_returned_block_is_rented_again()
    {
        using var pool = new ReceiveBufferPool();
        var first = pool.Rent(4096);
        var memory = first.Memory;
        first.Dispose();

        using var second = pool.Rent(4096);

        Assert.True(second.Memory.Span.Overlaps(memory.Span));
    }

    [Fact]
    public void A_block_disposed_twice_is_rented_out_once()
    {
        using var pool = new ReceiveBufferPool();
        var block = pool.Rent();
        block.Dispose();
        block.Dispose();

        using var first = pool.Rent();
        using var second = pool.Rent();

        Assert.False(first.Memory.Span.Overlaps(second.Memory.Span));
    }

    [Fact]
    public void More_than_a_block_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReceiveBufferPool().Rent(ReceiveBufferPool.BlockSize + 1));
}
