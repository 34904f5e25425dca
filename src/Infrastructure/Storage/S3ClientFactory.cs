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
            MaxErrorRetry = 2,
            Timeout = TimeSpan.FromMinutes(5),
        };
        return options.AccessKeyId is { } key && options.SecretAccessKey is { } secret
            ? new AmazonS3Client(new BasicAWSCredentials(key, secret), config)
            : new AmazonS3Client(config);
    }
}
