using Microsoft.Extensions.Configuration;

namespace AssetManager.Infrastructure.Storage;

/// <summary>
/// Object storage settings: the original's environment variables (<c>AWS_STORAGE_BUCKET_NAME</c>, ...) or the
/// .NET way (<c>Storage:BucketName</c>, <c>Storage__BucketName</c>). No bucket means the local disk store.
/// </summary>
public sealed record StorageOptions
{
    public string? AccessKeyId { get; init; }
    public string? SecretAccessKey { get; init; }
    public string? BucketName { get; init; }
    public string Region { get; init; } = "ru-1";
    public string EndpointUrl { get; init; } = "https://s3.timeweb.com";
    public string? CustomDomain { get; init; }
    public string UrlProtocol { get; init; } = "https:";
    public string AddressingStyle { get; init; } = "virtual";

    /// <summary>Canned ACL for new objects; empty (or "none") for buckets that refuse ACLs.</summary>
    public string DefaultAcl { get; init; } = "public-read";

    /// <summary>Create the bucket at start-up when it does not exist (<c>AWS_S3_CREATE_BUCKET=false</c> to never try).</summary>
    public bool CreateBucket { get; init; } = true;

    /// <summary>Folder of the local disk store.</summary>
    public string LocalRoot { get; init; } = "";

    /// <summary>Prefix of the disk store's URLs (empty: URLs are relative, <c>/media/...</c>).</summary>
    public string LocalPublicBaseUrl { get; init; } = "";

    /// <summary>S3's smallest part but the last (RGW's too): a smaller one is refused with EntityTooSmall.</summary>
    public const int MinPartSizeBytes = 5 * 1024 * 1024;

    /// <summary>
    /// Multipart part size (S3's minimum, 5 MiB) and parts in flight. Measured against Ceph RGW (bench/run.sh):
    /// 4 x 5 MiB keeps a 1 GiB upload near 187 MiB resident and at 1.63x a direct PUT; 2 x 5 MiB was 177 MiB but
    /// 1.93x; 4 x 8 MiB went past 200 MiB.
    /// </summary>
    public int PartSizeBytes { get; init; } = MinPartSizeBytes;

    public int MaxConcurrentParts { get; init; } = 4;

    /// <summary>
    /// Stream a large file's first part from the client's connection when the request declares its length
    /// (docs/adr/0003). Off, every large file goes in buffered parts: slower on RGW, but a client that pauses
    /// longer than the store's idle timeout (about 20 s on AWS S3) no longer fails its upload.
    /// </summary>
    public bool StreamFirstPart { get; init; } = true;

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

    public static StorageOptions FromConfiguration(IConfiguration configuration, string defaultLocalRoot)
    {
        var section = configuration.GetSection("Storage");
        string? Get(string name, string environmentName) =>
            NonEmpty(section[name]) ?? NonEmpty(configuration[environmentName]);
        var defaults = new StorageOptions();
        return new StorageOptions
        {
            AccessKeyId = Get("AccessKeyId", "AWS_ACCESS_KEY_ID"),
            SecretAccessKey = Get("SecretAccessKey", "AWS_SECRET_ACCESS_KEY"),
            BucketName = Get("BucketName", "AWS_STORAGE_BUCKET_NAME"),
            Region = Get("Region", "AWS_S3_REGION_NAME") ?? defaults.Region,
            EndpointUrl = Get("EndpointUrl", "AWS_S3_ENDPOINT_URL") ?? defaults.EndpointUrl,
            CustomDomain = Get("CustomDomain", "AWS_S3_CUSTOM_DOMAIN"),
            UrlProtocol = Get("UrlProtocol", "AWS_S3_URL_PROTOCOL") ?? defaults.UrlProtocol,
            AddressingStyle = Get("AddressingStyle", "AWS_S3_ADDRESSING_STYLE") ?? defaults.AddressingStyle,
            DefaultAcl = section["DefaultAcl"] ?? configuration["AWS_DEFAULT_ACL"] ?? defaults.DefaultAcl,
            CreateBucket = bool.TryParse(Get("CreateBucket", "AWS_S3_CREATE_BUCKET"), out var create) ? create : defaults.CreateBucket,
            LocalRoot = Get("LocalRoot", "MEDIA_ROOT") ?? defaultLocalRoot,
            LocalPublicBaseUrl = (Get("LocalPublicBaseUrl", "MEDIA_PUBLIC_BASE_URL") ?? "").TrimEnd('/'),
            PartSizeBytes = int.TryParse(section["PartSizeBytes"], out var part) && part >= MinPartSizeBytes ? part : defaults.PartSizeBytes,
            MaxConcurrentParts = int.TryParse(section["MaxConcurrentParts"], out var parallel) && parallel > 0 ? parallel : defaults.MaxConcurrentParts,
            StreamFirstPart = bool.TryParse(section["StreamFirstPart"], out var stream) ? stream : defaults.StreamFirstPart,
        };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
