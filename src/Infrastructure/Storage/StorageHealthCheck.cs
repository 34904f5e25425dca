using AssetManager.Application.Common.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AssetManager.Infrastructure.Storage;

/// <summary>Reports whether the object store answers.</summary>
internal sealed class StorageHealthCheck(IObjectStorage storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await storage.CheckHealthAsync(cancellationToken);
            return HealthCheckResult.Healthy(storage is S3ObjectStorage ? "s3" : "disk");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy(storage is S3ObjectStorage ? "s3 unreachable" : "disk unavailable", ex);
        }
    }
}
