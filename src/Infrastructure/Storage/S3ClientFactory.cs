using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.S3;
using Amazon.S3.Model;

namespace AssetManager.Infrastructure.Storage;

/// <summary>Builds the S3 client for any S3-compatible endpoint.</summary>
public static class S3ClientFactory
{
    public static IAmazonS3 Create(StorageOptions options)
    {
        var config = new AmazonS3Config
        {
            ServiceURL = options.EndpointUrl,
            AuthenticationRegion = options.Region,
            ForcePathStyle = options.UsesPathStyle,
            // SDK v4 adds a CRC checksum to every request by default; many S3-compatible servers
            // (Ceph RGW among them) reject it. Ask for checksums only where the API requires them.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            MaxErrorRetry = 2,
            Timeout = TimeSpan.FromMinutes(5),
        };
        return ExplicitCredentials(options) is { } credentials
            ? new AmazonS3Client(credentials, config)
            : new AmazonS3Client(config);
    }

    /// <summary>
    /// The sender of object bodies, with its own connection pool to the store. Signatures carry the time, so it
    /// signs by the system clock whatever clock the application runs on.
    /// </summary>
    public static S3BodySender CreateBodySender(StorageOptions options, IAmazonS3 s3)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(30),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(50),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5), // so that a changed DNS answer is seen
            AllowAutoRedirect = false, // a redirect would resend the bytes and the credentials elsewhere
            UseCookies = false,
        };
        // S3BodySender times each request by the store's progress: a streamed part lasts as long as the client's upload
        var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        return new S3BodySender(http, ExplicitCredentials(options), options, ObjectBaseUrl(s3, options.BucketName!), TimeProvider.System);
    }

    /// <summary>
    /// Where the SDK sends a bucket's object requests (<c>https://bucket.endpoint/</c>, or <c>endpoint/bucket/</c> for
    /// path style, IP endpoints and bucket names that cannot be host names), so the body sender addresses them alike.
    /// </summary>
    public static string ObjectBaseUrl(IAmazonS3 s3, string bucket)
    {
        var endpoint = s3.Config.DetermineServiceOperationEndpoint(
            new ServiceOperationEndpointParameters(new PutObjectRequest { BucketName = bucket, Key = "key" }));
        return endpoint.URL.TrimEnd('/') + "/";
    }

    /// <summary>The configured keys; none means the SDK's default chain (environment, profile, instance role).</summary>
    private static BasicAWSCredentials? ExplicitCredentials(StorageOptions options) =>
        options.AccessKeyId is { } key && options.SecretAccessKey is { } secret ? new BasicAWSCredentials(key, secret) : null;
}
