using AssetManager.Domain.Common;

namespace AssetManager.Application.Common.Storage;

/// <summary>
/// Reads <paramref name="head"/> (bytes already taken from the source), then the source, and throws
/// <see cref="FileTooLargeException"/> (or what <paramref name="tooLarge"/> makes) as soon as more than
/// <paramref name="maxBytes"/> have passed.
/// </summary>
public sealed class LengthLimitedStream(
    ReadOnlyMemory<byte> head, Stream source, long maxBytes, Func<Exception>? tooLarge = null) : Stream
{
    private ReadOnlyMemory<byte> _head = head;
    private long _position;

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
            read = await source.ReadAsync(buffer, cancellationToken);
        }
        _position += read;
        if (_position > maxBytes) throw tooLarge?.Invoke() ?? new FileTooLargeException(maxBytes);
        return read;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
