using AssetManager.Domain.Common;

namespace AssetManager.Application.Common.Storage;

/// <summary>
/// Reads <paramref name="head"/> (bytes already taken from the source), then the source, counting: throws
/// <see cref="FileTooLargeException"/> (or what <paramref name="tooLarge"/> makes) as soon as more than
/// <paramref name="maxBytes"/> have passed, and <see cref="TooShort"/>'s error when the source ends before
/// <see cref="MinBytes"/>.
/// </summary>
public sealed class LengthLimitedStream(
    ReadOnlyMemory<byte> head, Stream source, long maxBytes, Func<Exception>? tooLarge = null) : Stream
{
    private ReadOnlyMemory<byte> _head = head;
    private long _position;

    /// <summary>What the source vouches for: a consumer may have acted on it before the end was in sight.</summary>
    public long MinBytes { get; init; }

    public Func<Exception> TooShort { get; init; } = () => new EndOfStreamException("the source ended before the length it vouched for");

    /// <summary>Turns an error reading the source into the one to report; null keeps it as it is.</summary>
    public Func<Exception, Exception?>? ReadError { get; init; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read;
        if (!_head.IsEmpty)
        {
            read = Math.Min(buffer.Length, _head.Length);
            _head[..read].CopyTo(buffer);
            _head = _head[read..];
        }
        else
        {
            read = await ReadSourceAsync(buffer, cancellationToken);
            if (read == 0 && !buffer.IsEmpty && _position < MinBytes) throw TooShort();
        }
        _position += read;
        if (_position > maxBytes) throw tooLarge?.Invoke() ?? new FileTooLargeException(maxBytes);
        return read;
    }

    private async ValueTask<int> ReadSourceAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await source.ReadAsync(buffer, cancellationToken);
        }
        catch (Exception ex) when (ReadError?.Invoke(ex) is { } translated)
        {
            throw translated;
        }
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
