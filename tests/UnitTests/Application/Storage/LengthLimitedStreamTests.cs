using NSubstitute;
using AssetManager.Application.Common.Storage;
using AssetManager.Domain.Common;
using AssetManager.UnitTests.TestSupport;

namespace AssetManager.UnitTests.Application.Storage;

public sealed class LengthLimitedStreamTests
{
    [Fact]
    public async Task Gives_the_head_then_the_source()
    {
        var stream = new LengthLimitedStream(new byte[] { 1, 2, 3 }, new MemoryStream([4, 5]), maxBytes: 100);
        var copy = new MemoryStream();

        await stream.CopyToAsync(copy);

        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, copy.ToArray());
        Assert.Equal(5, stream.Position);
    }

    [Fact]
    public async Task Exactly_the_limit_is_allowed()
    {
        var stream = new LengthLimitedStream(new byte[10], new CountingStream(90), maxBytes: 100);
        var copy = new MemoryStream();

        await stream.CopyToAsync(copy);

        Assert.Equal(100, copy.Length);
    }

    [Fact]
    public async Task One_byte_over_the_limit_throws_413()
    {
        var stream = new LengthLimitedStream(new byte[10], new CountingStream(91), maxBytes: 100);

        var error = await Assert.ThrowsAsync<FileTooLargeException>(() => stream.CopyToAsync(Stream.Null));

        Assert.Equal(100, error.MaxBytes);
        Assert.Equal("File too large. Maximum size is 100 bytes.", error.Message);
    }

    [Fact]
    public async Task Stops_as_soon_as_the_limit_is_passed_without_reading_the_rest()
    {
        var source = new CountingStream(length: null); // endless
        var stream = new LengthLimitedStream(ReadOnlyMemory<byte>.Empty, source, maxBytes: 1000);
        var buffer = new byte[64];

        await Assert.ThrowsAsync<FileTooLargeException>(async () =>
        {
            while (await stream.ReadAsync(buffer) > 0) { }
        });

        Assert.InRange(source.BytesRead, 1001, 1000 + buffer.Length);
    }

    [Fact]
    public async Task A_head_already_over_the_limit_throws_on_the_first_read()
    {
        var source = new CountingStream(10);
        var stream = new LengthLimitedStream(new byte[50], source, maxBytes: 20);

        await Assert.ThrowsAsync<FileTooLargeException>(async () =>
        {
            var read = await stream.ReadAsync(new byte[64]);
            Assert.Fail($"read {read} bytes");
        });
        Assert.Equal(0, source.BytesRead);
    }

    [Fact]
    public void Synchronous_reads_are_limited_too()
    {
        var stream = new LengthLimitedStream(new byte[] { 1 }, new CountingStream(5), maxBytes: 3);
        var buffer = new byte[2];

        Assert.Equal(1, stream.Read(buffer, 0, 2));
        Assert.Equal(2, stream.Read(buffer, 0, 2));
        Assert.Throws<FileTooLargeException>(() => stream.Read(buffer, 0, 2));
    }

    [Fact]
    public void Is_a_forward_only_read_stream()
    {
        var stream = new LengthLimitedStream(ReadOnlyMemory<byte>.Empty, Stream.Null, 1);

        Assert.True(stream.CanRead);
        Assert.False(stream.CanSeek);
        Assert.False(stream.CanWrite);
        Assert.Throws<NotSupportedException>(() => stream.Length);
        Assert.Throws<NotSupportedException>(() => stream.Seek(0, SeekOrigin.Begin));
        Assert.Throws<NotSupportedException>(() => stream.Position = 0);
        Assert.Throws<NotSupportedException>(() => stream.Write([1], 0, 1));
    }

    [Fact]
    public async Task Empty_source_after_head_ends_the_stream()
    {
        var stream = new LengthLimitedStream(new byte[] { 7 }, Stream.Null, 10);
        var buffer = new byte[4];

        Assert.Equal(1, await stream.ReadAsync(buffer));
        Assert.Equal(0, await stream.ReadAsync(buffer));
    }

    [Fact]
    public async Task A_source_that_ends_before_what_it_vouched_for_fails_its_last_read()
    {
        var stream = new LengthLimitedStream(new byte[2], new MemoryStream(new byte[5]), maxBytes: 100)
        {
            MinBytes = 8,
            TooShort = () => new UploadRejectedException("short"),
        };

        var error = await Assert.ThrowsAsync<UploadRejectedException>(() => stream.CopyToAsync(Stream.Null));

        Assert.Equal("short", error.Message);
    }

    [Fact]
    public async Task A_source_that_holds_what_it_vouched_for_ends_normally()
    {
        var stream = new LengthLimitedStream(new byte[2], new MemoryStream(new byte[6]), maxBytes: 100) { MinBytes = 8 };
        var copy = new MemoryStream();

        await stream.CopyToAsync(copy);

        Assert.Equal(8, copy.Length);
    }

    [Fact]
    public async Task Read_errors_are_translated_or_kept()
    {
        var failing = Substitute.For<Stream>();
        failing.ReadAsync(Arg.Any<Memory<byte>>(), Arg.Any<CancellationToken>()).Returns<ValueTask<int>>(_ => throw new IOException("cut"));
        var translated = new LengthLimitedStream(ReadOnlyMemory<byte>.Empty, failing, 100) { ReadError = e => new InvalidDataException(e.Message, e) };
        var kept = new LengthLimitedStream(ReadOnlyMemory<byte>.Empty, failing, 100) { ReadError = _ => null };

        Assert.Equal("cut", (await Assert.ThrowsAsync<InvalidDataException>(() => translated.ReadAsync(new byte[4]).AsTask())).Message);
        await Assert.ThrowsAsync<IOException>(() => kept.ReadAsync(new byte[4]).AsTask());
    }
}
