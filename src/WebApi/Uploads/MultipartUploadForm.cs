using System.Text;
using AssetManager.Application.Assets.Commands.UploadAsset;
using AssetManager.Domain.Common;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace AssetManager.WebApi.Uploads;

/// <summary>
/// <see cref="IUploadForm"/> over the raw request body: sections are read one at a time with
/// <see cref="MultipartReader"/>, so the file part is a stream straight off the connection, never buffered.
/// </summary>
public sealed class MultipartUploadForm : IUploadForm
{
    public const string FilePartName = "file";
    public const int MaxFieldBytes = 1024 * 1024;

    /// <summary>
    /// The reader's buffer, and so the most one read of the file part returns. The default (4 KiB) turns a 1 GiB
    /// upload into 262,144 small asynchronous reads; 64 KiB makes that 16,384.
    /// </summary>
    public const int ReadBufferSize = 64 * 1024;

    private readonly MultipartReader? _reader;
    private readonly Dictionary<string, string> _fields = new(StringComparer.Ordinal);
    private bool _fileTaken;

    public MultipartUploadForm(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return;
        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
            throw new UploadRejectedException("Malformed multipart body: no boundary");
        _reader = new MultipartReader(boundary, request.Body, ReadBufferSize) { BodyLengthLimit = null };
    }

    public IReadOnlyDictionary<string, string> Fields => _fields;

    public async ValueTask<UploadFile?> ReadFileAsync(CancellationToken cancellationToken)
    {
        if (_reader is null || _fileTaken) return null;
        while (await _reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (disposition.IsFileDisposition())
            {
                if (name != FilePartName) continue; // another file part: skipped (the reader drains it)
                _fileTaken = true;
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar).Value
                    ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value ?? "";
                return new UploadFile(fileName, section.Body);
            }
            _fields[name] = await ReadFieldAsync(name, section.Body, cancellationToken);
        }
        return null;
    }

    public async ValueTask<IReadOnlyDictionary<string, string>> ReadRemainingFieldsAsync(CancellationToken cancellationToken)
    {
        if (_reader is null) return _fields;
        while (await _reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || disposition.IsFileDisposition()) continue;
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            _fields[name] = await ReadFieldAsync(name, section.Body, cancellationToken);
        }
        return _fields;
    }

    private static async Task<string> ReadFieldAsync(string name, Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxFieldBytes)
                throw new UploadRejectedException($"Form field '{name}' is larger than {MaxFieldBytes} bytes");
            buffer.Write(chunk, 0, read);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
