using Amazon.Runtime;
using Amazon.S3;

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
            // The SDK writes request bodies to the connection in BufferSize pieces: 8 KiB by default, 1,024 socket
            // writes per 8 MiB part. 64 KiB (still below the large-object heap's threshold) makes that 128.
            BufferSize = 64 * 1024,
            MaxErrorRetry = 2,
            Timeout = TimeSpan.FromMinutes(5),
        };
        return options.AccessKeyId is { } key && options.SecretAccessKey is { } secret
            ? new AmazonS3Client(new BasicAWSCredentials(key, secret), config)
            : new AmazonS3Client(config);
    }
}
