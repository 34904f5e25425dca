using AssetManager.Application.Common.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AssetManager.Infrastructure.Storage;

/// <summary>
/// Reports whether the object store answers. A load balancer may ask every second: the store is asked at most every
/// <see cref="Reuse"/> (each request to S3 is billed), the answer between is the last one.
/// </summary>
internal sealed class StorageHealthCheck(IObjectStorage storage, TimeProvider clock) : IHealthCheck
{
    public static readonly TimeSpan Reuse = TimeSpan.FromSeconds(5);

    private (HealthCheckResult Result, DateTimeOffset At)? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (_last is { } last && clock.GetUtcNow() - last.At < Reuse) return last.Result;
        HealthCheckResult result;
        try
        {
            await storage.CheckHealthAsync(cancellationToken);
            result = HealthCheckResult.Healthy(storage is S3ObjectStorage ? "s3" : "disk");
        }
        catch (Exception ex)
        {
            result = HealthCheckResult.Unhealthy(storage is S3ObjectStorage ? "s3 unreachable" : "disk unavailable", ex);
        }
        _last = (result, clock.GetUtcNow());
        return result;
    }
}
