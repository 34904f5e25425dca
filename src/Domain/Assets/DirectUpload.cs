namespace AssetManager.Domain.Assets;

/// <summary>
/// A file a client sends straight to the object store with presigned URLs, to become an asset of the box once the
/// service has checked it. The row outlives a restart, so whether an upload id is the caller's, unused and not expired
/// is known to every instance; a claimed row is never completed twice.
/// </summary>
public sealed class DirectUpload
{
    /// <summary>32 lower-case hex digits (a random UUID): what the client is given as <c>upload_id</c>.</summary>
    public const int IdLength = 32;

    private DirectUpload() { }

    public string Id { get; private set; } = "";
    public int UserId { get; private set; }
    public int BoxId { get; private set; }
    public string FileKey { get; private set; } = "";

    /// <summary>The name the client gave; its extension decided the key's and the type.</summary>
    public string FileName { get; private set; } = "";

    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }

    /// <summary>The store's multipart upload id, for a file sent in parts; null for a single PUT.</summary>
    public string? MultipartUploadId { get; private set; }

    /// <summary>The size of every part but the last, for a file sent in parts.</summary>
    public long? PartSize { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }

    /// <summary>When a completion took it; a claimed upload cannot be completed again.</summary>
    public DateTime? ClaimedAt { get; private set; }

    public bool IsMultipart => MultipartUploadId is not null;

    public static DirectUpload Start(
        int userId, int boxId, string fileKey, string fileName, FileFormat format, long size, DateTime utcNow, TimeSpan lifetime,
        string? multipartUploadId = null, long? partSize = null) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        UserId = userId,
        BoxId = boxId,
        FileKey = fileKey,
        FileName = fileName,
        ContentType = format.ContentType,
        Size = size,
        MultipartUploadId = multipartUploadId,
        PartSize = partSize,
        CreatedAt = utcNow,
        ExpiresAt = utcNow + lifetime,
    };

    /// <summary>The number of parts a file of <see cref="Size"/> bytes takes in parts of <see cref="PartSize"/>.</summary>
    public int PartCount => PartSize is { } part ? (int)((Size + part - 1) / part) : 0;

    /// <summary>The bytes of part <paramref name="number"/> (1-based): the part size, the last one what is left.</summary>
    public long PartSizeOf(int number) =>
        PartSize is { } part ? Math.Min(part, Size - (number - 1) * part) : throw new InvalidOperationException("Not a multipart upload.");
}
