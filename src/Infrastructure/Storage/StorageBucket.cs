using Amazon.S3;
using Amazon.S3.Model;
using AssetManager.Domain.Common;
using Microsoft.Extensions.Logging;

namespace AssetManager.Infrastructure.Storage;

/// <summary>
/// The configured bucket, created when it is found missing (unless <c>AWS_S3_CREATE_BUCKET=false</c>): at start-up, and
/// again whenever a write meets <c>NoSuchBucket</c>, so that a store that was down at start-up, or whose bucket was
/// removed, takes uploads as soon as it is back.
/// </summary>
public sealed class StorageBucket(IAmazonS3 s3, StorageOptions options, ILogger<StorageBucket> logger)
{
    private readonly SemaphoreSlim _creating = new(1, 1);

    public const string AbortRuleId = "assetmanager-abort-incomplete-uploads";
    public const string CorsRuleId = "assetmanager-direct-uploads";

    /// <summary>How long a browser may keep the answer to a CORS preflight.</summary>
    private const int CorsMaxAgeSeconds = 3600;

    /// <summary>At start-up: never fails; a store that is down or refuses is logged, and writes then retry.</summary>
    public async Task EnsureAtStartAsync(CancellationToken ct)
    {
        try
        {
            if (options.CreateBucket)
            {
                try
                {
                    await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = options.BucketName, MaxKeys = 1 }, ct);
                }
                catch (AmazonS3Exception missing) when (missing.ErrorCode == "NoSuchBucket")
                {
                    await CreateQuietlyAsync(ct);
                }
            }
            await EnsureAbortRuleAsync(ct);
            await EnsureCorsRuleAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Object store at {Endpoint} did not answer at start-up", options.EndpointUrl);
        }
    }

    /// <summary>
    /// A lifecycle rule that aborts multipart uploads left unfinished under <c>uploads/</c>, added beside the bucket's
    /// own rules. A store or a bucket policy that refuses lifecycle rules is fine: the maintenance job sweeps them too.
    /// </summary>
    private async Task EnsureAbortRuleAsync(CancellationToken ct)
    {
        if (options.AbortIncompleteUploadsAfterDays <= 0) return;
        List<LifecycleRule> rules;
        try
        {
            rules = (await s3.GetLifecycleConfigurationAsync(options.BucketName, ct)).Configuration?.Rules ?? [];
        }
        catch (AmazonS3Exception ex) when (ex.ErrorCode is "NoSuchLifecycleConfiguration")
        {
            rules = [];
        }
        if (rules.Any(r => r.Id == AbortRuleId)) return;
        rules.Add(new LifecycleRule
        {
            Id = AbortRuleId,
            Status = LifecycleRuleStatus.Enabled,
            Filter = new LifecycleFilter { LifecycleFilterPredicate = new LifecyclePrefixPredicate { Prefix = "uploads/" } },
            AbortIncompleteMultipartUpload = new LifecycleRuleAbortIncompleteMultipartUpload
            {
                DaysAfterInitiation = options.AbortIncompleteUploadsAfterDays,
            },
        });
        try
        {
            await s3.PutLifecycleConfigurationAsync(new PutLifecycleConfigurationRequest
            {
                BucketName = options.BucketName,
                Configuration = new LifecycleConfiguration { Rules = rules },
            }, ct);
        }
        catch (AmazonS3Exception ex)
        {
            logger.LogInformation("The bucket keeps no lifecycle rule ({Code}); abandoned uploads are swept by the service alone", ex.ErrorCode);
        }
    }

    /// <summary>
    /// A CORS rule that lets browsers on the configured origins PUT direct uploads and read the ETag of each part,
    /// added beside the bucket's own rules (ours, matched by its id, is replaced when the settings changed). A store
    /// or a policy that refuses is logged: direct uploads from other clients than browsers still work.
    /// </summary>
    private async Task EnsureCorsRuleAsync(CancellationToken ct)
    {
        var origins = options.UploadCorsOriginList;
        if (origins.Count == 0) return;
        try
        {
            List<CORSRule> rules;
            try
            {
                rules = (await s3.GetCORSConfigurationAsync(options.BucketName, ct)).Configuration?.Rules ?? [];
            }
            catch (AmazonS3Exception ex) when (ex.ErrorCode is "NoSuchCORSConfiguration")
            {
                rules = [];
            }
            var ours = new CORSRule
            {
                Id = CorsRuleId,
                AllowedMethods = ["PUT"],
                AllowedOrigins = [.. origins],
                AllowedHeaders = ["*"],
                ExposeHeaders = ["ETag"],
                MaxAgeSeconds = CorsMaxAgeSeconds,
            };
            if (rules.Find(r => r.Id == CorsRuleId) is { } current && SameRule(current, ours)) return;
            rules.RemoveAll(r => r.Id == CorsRuleId);
            rules.Add(ours);
            await s3.PutCORSConfigurationAsync(new PutCORSConfigurationRequest
            {
                BucketName = options.BucketName,
                Configuration = new CORSConfiguration { Rules = rules },
            }, ct);
        }
        catch (AmazonS3Exception ex)
        {
            logger.LogInformation("The bucket's CORS rules could not be set ({Code}); browsers cannot upload to it directly", ex.ErrorCode);
        }
    }

    private static bool SameRule(CORSRule a, CORSRule b) =>
        Same(a.AllowedMethods, b.AllowedMethods) && Same(a.AllowedOrigins, b.AllowedOrigins) && Same(a.AllowedHeaders, b.AllowedHeaders)
        && Same(a.ExposeHeaders, b.ExposeHeaders) && a.MaxAgeSeconds == b.MaxAgeSeconds;

    private static bool Same(List<string>? a, List<string>? b) => (a ?? []).Order().SequenceEqual((b ?? []).Order());

    /// <summary>Runs a write; when the bucket is missing, creates it and runs the write once more.</summary>
    public async Task<T> WriteAsync<T>(Func<Task<T>> write, CancellationToken ct)
    {
        try
        {
            return await write();
        }
        catch (StorageFailedException ex) when (options.CreateBucket && IsMissingBucket(ex))
        {
            logger.LogWarning("Bucket {Bucket} is missing; creating it", options.BucketName);
            await CreateQuietlyAsync(ct);
            return await write();
        }
    }

    public async Task WriteAsync(Func<Task> write, CancellationToken ct) =>
        await WriteAsync(async () => { await write(); return true; }, ct);

    private static bool IsMissingBucket(StorageFailedException ex) =>
        ex.Reason.StartsWith("NoSuchBucket", StringComparison.Ordinal)
        || ex.InnerException is AmazonS3Exception { ErrorCode: "NoSuchBucket" };

    private async Task CreateQuietlyAsync(CancellationToken ct)
    {
        await _creating.WaitAsync(ct);
        try
        {
            await s3.PutBucketAsync(new PutBucketRequest { BucketName = options.BucketName }, ct);
            logger.LogInformation("Created bucket {Bucket}", options.BucketName);
        }
        catch (AmazonS3Exception ex) when (ex.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Bucket {Bucket} is missing and could not be created", options.BucketName);
        }
        finally
        {
            _creating.Release();
        }
    }
}
