using System.Buffers;
using AssetManager.Application.Common.Storage;
using AssetManager.Domain.Assets;

namespace AssetManager.Application.Assets.Intake;

/// <summary>
/// A file whose leading bytes have been read and checked against its name: <see cref="Content"/> gives them back
/// followed by the rest of the source, refuses to pass the size limit and hashes what passes (SHA-256, no second read).
/// </summary>
public sealed class IncomingFile : IDisposable
{
    private readonly byte[] _head;
    private readonly Sha256Stream _content;

    internal IncomingFile(string fileName, FileFormat format, byte[] head, int headLength, Stream source, long maxBytes)
    {
        FileName = fileName;
        Format = format;
        _head = head;
        _content = new Sha256Stream(new LengthLimitedStream(head.AsMemory(0, headLength), source, maxBytes));
    }

    public string FileName { get; }
    public FileFormat Format { get; }

    /// <summary>The whole file, to be read once.</summary>
    public Stream Content => _content;

    /// <summary>The bytes read so far, and once read to its end their SHA-256 as 64 lower-case hex digits.</summary>
    public long BytesRead => _content.BytesRead;

    public string Sha256Hex() => _content.Hex();

    public void Dispose()
    {
        _content.Dispose();
        ArrayPool<byte>.Shared.Return(_head);
    }
}
