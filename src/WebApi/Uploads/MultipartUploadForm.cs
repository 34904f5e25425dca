using System.Buffers;
using System.Text;
using AssetManager.Application.Assets.Commands.UploadAsset;
using AssetManager.Application.Assets.Commands.UploadBatch;
using AssetManager.Application.Common.Storage;
using AssetManager.Domain.Common;
using AssetManager.WebApi.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace AssetManager.WebApi.Uploads;

/// <summary>
/// <see cref="IUploadForm"/> (one file) and <see cref="IBatchUploadForm"/> (many) over the raw request body: sections
/// are read one at a time with <see cref="MultipartReader"/>, so a file part is a stream straight off the connection,
/// never buffered, and what a reader leaves of it is skipped when the next section is read.
/// </summary>
public sealed class MultipartUploadForm : IUploadForm, IBatchUploadForm
{
    public const string FilePartName = "file";
    public const string BatchFilePartName = "files";
    public const int MaxFieldBytes = 1024 * 1024;

    /// <summary>Room for the multipart framing and the text fields around the file.</summary>
    public const long FormOverheadBytes = 16 * 1024 * 1024;

    /// <summary>
    /// Room for the parts after the file when the request declares its length: four text fields of the largest
    /// size with their framing. What the declared length leaves beyond it may be streamed to the store before the
    /// file's end has been read (docs/adr/0003); the clients of the original document send a few short fields
    /// after the file.
    /// </summary>
    public const long RoomAfterFileBytes = 4 * MaxFieldBytes + 64 * 1024;

    /// <summary>
    /// The reader's buffer, and so the most one read of the file part returns. The default (4 KiB) turns a 1 GiB
    /// upload into 262,144 small asynchronous reads; 64 KiB makes that 16,384.
    /// </summary>
    public const int ReadBufferSize = 64 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly MultipartReader? _reader;
    private readonly LengthLimitedStream? _body;
    private readonly long? _declaredLength;
    private readonly Dictionary<string, string> _fields = new(StringComparer.Ordinal);
    private readonly BodyLimits _fieldLimits;
    private readonly string _filePartName;
    private readonly bool _vouchForFileLength;
    private int _partCount;
    private long _fieldBytes;
    private bool _fileTaken;

    /// <param name="maxFileBytes">The file limit; the whole body may take <see cref="FormOverheadBytes"/> more.</param>
    public MultipartUploadForm(HttpRequest request, long maxFileBytes)
        : this(request, maxFileBytes, maxFileBytes + FormOverheadBytes, FilePartName, vouchForFileLength: true)
    {
    }

    /// <summary>
    /// A form of several files in parts named <see cref="BatchFilePartName"/>, read with
    /// <see cref="ReadNextFileAsync"/>; the body may hold <paramref name="maxFiles"/> files of the limit and the form's overhead.
    /// </summary>
    public static MultipartUploadForm ForBatch(HttpRequest request, long maxFileBytes, int maxFiles) =>
        new(request, maxFileBytes, SaturatingMultiply(maxFileBytes, maxFiles) + FormOverheadBytes, BatchFilePartName, vouchForFileLength: false);

    private MultipartUploadForm(HttpRequest request, long maxFileBytes, long maxBodyBytes, string filePartName, bool vouchForFileLength)
    {
        _fieldLimits = BodyLimits.Of(request.HttpContext);
        _filePartName = filePartName;
        _vouchForFileLength = vouchForFileLength;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return;
        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
            throw new UploadRejectedException("Malformed multipart body: no boundary");
        IsDeclaredTooLarge = request.ContentLength > maxBodyBytes;
        _declaredLength = request.ContentLength;
        _body = new LengthLimitedStream(ReadOnlyMemory<byte>.Empty, request.Body, maxBodyBytes,
            () => new FileTooLargeException(maxFileBytes));
        _reader = new MultipartReader(boundary, _body, ReadBufferSize) { BodyLengthLimit = null };
    }

    private static long SaturatingMultiply(long a, int b) => a > long.MaxValue / 2 / b ? long.MaxValue / 2 : a * b;

    public bool IsDeclaredTooLarge { get; }

    public IReadOnlyDictionary<string, string> Fields => _fields;

    public async ValueTask<UploadFile?> ReadFileAsync(CancellationToken cancellationToken)
    {
        if (_fileTaken) return null;
        _fileTaken = true;
        return await ReadNextFileAsync(cancellationToken);
    }

    public async ValueTask<UploadFile?> ReadNextFileAsync(CancellationToken cancellationToken)
    {
        if (_reader is null) return null;
        while (await NextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                CountPart();
                continue;
            }
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (disposition.IsFileDisposition() && name == _filePartName)
            {
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar).Value
                    ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value ?? "";
                var lengthAtLeast = _vouchForFileLength ? FileLengthAtLeast() : 0;
                var content = new LengthLimitedStream(ReadOnlyMemory<byte>.Empty, section.Body, long.MaxValue)
                {
                    MinBytes = lengthAtLeast,
                    TooShort = () => new UploadRejectedException($"The form's parts after the file are larger than {RoomAfterFileBytes} bytes"),
                    ReadError = error => error is IOException io && IsCutShort(io) ? CutShort(io) : null,
                };
                return new UploadFile(fileName, content, lengthAtLeast);
            }
            CountPart();
            if (disposition.IsFileDisposition()) continue; // another file part: skipped (the reader drains it)
            _fields[name] = await ReadFieldAsync(name, section.Body, cancellationToken);
        }
        return null;
    }

    /// <summary>
    /// What the declared length leaves for the file once the parts after it are given their room
    /// (<see cref="RoomAfterFileBytes"/>); 0 without a declared length. The reader has taken at least the bytes
    /// before the file from the body, so the file holds at least this much unless the parts after it take more than
    /// that room, which the file's stream then refuses.
    /// </summary>
    private long FileLengthAtLeast() =>
        _declaredLength is { } declared ? Math.Max(0, declared - _body!.Position - RoomAfterFileBytes) : 0;

    public async ValueTask<IReadOnlyDictionary<string, string>> ReadRemainingFieldsAsync(CancellationToken cancellationToken)
    {
        if (_reader is null) return _fields;
        while (await NextSectionAsync(cancellationToken) is { } section)
        {
            CountPart();
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || disposition.IsFileDisposition()) continue;
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            _fields[name] = await ReadFieldAsync(name, section.Body, cancellationToken);
        }
        return _fields;
    }

    private async Task<MultipartSection?> NextSectionAsync(CancellationToken ct)
    {
        try
        {
            return await _reader!.ReadNextSectionAsync(ct);
        }
        catch (IOException ex) when (IsCutShort(ex))
        {
            throw CutShort(ex);
        }
    }

    /// <summary>Counts a part other than the file: the fields, and the parts skipped, are at most <see cref="BodyLimits.MaxFormFields"/>.</summary>
    private void CountPart()
    {
        if (++_partCount > _fieldLimits.MaxFormFields)
            throw new UploadRejectedException($"Too many form fields: at most {_fieldLimits.MaxFormFields} besides the file");
    }

    /// <summary>
    /// One text field, within its own limit and what the fields read so far leave of <see cref="BodyLimits"/>:
    /// the fields of one request never hold more than that, however many it sends (contract section 1).
    /// </summary>
    private async Task<string> ReadFieldAsync(string name, Stream body, CancellationToken ct)
    {
        _fieldBytes += Encoding.UTF8.GetByteCount(name);
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await ReadSectionAsync(body, chunk, ct)) > 0)
            {
                if (buffer.Length + read > MaxFieldBytes)
                    throw new UploadRejectedException($"Form field '{name}' is larger than {MaxFieldBytes} bytes");
                _fieldBytes += read;
                if (_fieldBytes > _fieldLimits.MaxFormBytes)
                    throw new UploadRejectedException($"The form's fields are larger than {_fieldLimits.MaxFormBytes} bytes in all");
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        try
        {
            return StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            // invalid bytes, or a surrogate encoded on its own: not text, and never silently replaced
            throw new UploadRejectedException($"Form field '{name}' is not valid UTF-8 text");
        }
    }

    private static async ValueTask<int> ReadSectionAsync(Stream section, Memory<byte> buffer, CancellationToken ct)
    {
        try
        {
            return await section.ReadAsync(buffer, ct);
        }
        catch (IOException ex) when (IsCutShort(ex))
        {
            throw CutShort(ex);
        }
    }

    // MultipartReader reports a body that ends before its closing boundary as a plain IOException; the subclasses
    // (Kestrel's BadHttpRequestException, a connection reset) keep their own meaning.
    private static bool IsCutShort(IOException ex) => ex.GetType() == typeof(IOException);

    private static InvalidDataException CutShort(IOException ex) =>
        new("the body ended before the closing boundary", ex);
}
