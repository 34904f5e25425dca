namespace AssetManager.UnitTests.TestSupport;

/// <summary>A read-only, non-seekable stream of <paramref name="length"/> bytes (endless when null) that counts what was read.</summary>
public sealed class CountingStream(long? length, byte fill = 0x42) : Stream
{
    public long BytesRead { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var left = length is { } total ? total - BytesRead : long.MaxValue;
        var n = (int)Math.Min(count, left);
        buffer.AsSpan(offset, n).Fill(fill);
        BytesRead += n;
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>Reads <paramref name="head"/>, then <paramref name="rest"/>.</summary>
public sealed class ThenStream(byte[] head, Stream rest) : Stream
{
    private int _headPosition;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_headPosition < head.Length)
        {
            var n = Math.Min(count, head.Length - _headPosition);
            head.AsSpan(_headPosition, n).CopyTo(buffer.AsSpan(offset));
            _headPosition += n;
            return n;
        }
        return rest.Read(buffer, offset, count);
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
