namespace AssetManager.Infrastructure.Storage;

/// <summary>
/// Section <c>Storage</c> (the original's <c>AWS_*</c> names map onto it, WebApi's OriginalSettingNames). No bucket
/// means the local disk store.
/// </summary>
public sealed record StorageOptions
{
    public const string Section = "Storage";

    public string? AccessKeyId { get; set; }
    public string? SecretAccessKey { get; set; }
    public string? BucketName { get; set; }
    public string Region { get; set; } = "ru-1";
    public string EndpointUrl { get; set; } = "https://s3.timeweb.com";
    public string? CustomDomain { get; set; }
    public string UrlProtocol { get; set; } = "https:";
    public string AddressingStyle { get; set; } = "virtual";

    /// <summary>Canned ACL for new objects; empty (or "none") for buckets that refuse ACLs.</summary>
    public string DefaultAcl { get; set; } = "public-read";

    /// <summary>Create the bucket at start-up when it does not exist (<c>AWS_S3_CREATE_BUCKET=false</c> to never try).</summary>
    public bool CreateBucket { get; set; } = true;

    /// <summary>Folder of the local disk store.</summary>
    public string LocalRoot { get; set; } = "";

    /// <summary>Prefix of the disk store's URLs (empty: URLs are relative, <c>/media/...</c>).</summary>
    public string LocalPublicBaseUrl { get; set; } = "";

    /// <summary>S3's smallest part but the last (RGW's too): a smaller one is refused with EntityTooSmall.</summary>
    public const int MinPartSizeBytes = 5 * 1024 * 1024;
    public const int MaxPartSizeBytes = 512 * 1024 * 1024;

    /// <summary>
    /// Multipart part size (S3's minimum) and parts in flight: the memory a buffered upload holds is their product
    /// (docs/performance.md has the measured trade-off).
    /// </summary>
    public int PartSizeBytes { get; set; } = MinPartSizeBytes;

    public int MaxConcurrentParts { get; set; } = 4;

    /// <summary>
    /// Stream a large file's first part from the client's connection when the request declares its length
    /// (docs/adr/0003). Off, every large file goes in buffered parts: slower on RGW, but a client that pauses
    /// longer than the store's idle timeout (about 20 s on AWS S3) no longer fails its upload.
    /// </summary>
    public bool StreamFirstPart { get; set; } = true;

    /// <summary>
    /// Days after which the bucket itself aborts an unfinished multipart upload (a lifecycle rule set at start where the
    /// store allows it, added beside the bucket's own rules); 0 sets no rule. The maintenance job sweeps them too.
    /// </summary>
    public int AbortIncompleteUploadsAfterDays { get; set; } = 1;

    /// <summary>
    /// The origins a browser may send direct uploads from (comma-separated; <c>*</c> any, the default: the presigned URL
    /// is the permission, CORS only lets a page read the answer); a CORS rule for them is added to the bucket at start,
    /// beside its own rules, where the store allows it. Empty or <c>none</c>: the bucket's CORS is left alone.
    /// </summary>
    public string UploadCorsOrigins { get; set; } = "*";

    public IReadOnlyList<string> UploadCorsOriginList =>
        UploadCorsOrigins.Trim().Equals("none", StringComparison.OrdinalIgnoreCase)
            ? []
            : UploadCorsOrigins.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool UsesS3 => !string.IsNullOrWhiteSpace(BucketName);
    public bool UsesPathStyle => AddressingStyle.Equals("path", StringComparison.OrdinalIgnoreCase);
    public bool UsesAcl => !string.IsNullOrWhiteSpace(DefaultAcl) && !DefaultAcl.Equals("none", StringComparison.OrdinalIgnoreCase);

    /// <summary>Public base of object URLs: <c>&lt;protocol&gt;//&lt;custom domain&gt;</c>, the custom domain defaulting to <c>bucket.endpoint-host</c>.</summary>
    public string PublicBaseUrl
    {
        get
        {
            var domain = string.IsNullOrWhiteSpace(CustomDomain)
                ? $"{BucketName}.{new Uri(EndpointUrl).Authority}"
                : CustomDomain.Trim().TrimEnd('/');
            var protocol = UrlProtocol.Trim().TrimEnd('/');
            if (!protocol.EndsWith(':')) protocol += ":";
            return $"{protocol}//{domain}";
        }
    }
}
