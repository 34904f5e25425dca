using Amazon.Runtime;
using AssetManager.Domain.Common;

namespace AssetManager.Infrastructure.Storage;

/// <summary>Turns failures of the S3 client into <see cref="StorageFailedException"/> with a short reason.</summary>
internal static class S3Errors
{
    public static async Task<T> WrapAsync<T>(Func<Task<T>> call, CancellationToken ct)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && ct.IsCancellationRequested))
        {
            throw new StorageFailedException(Reason(ex), ex);
        }
    }

    private static string Reason(Exception ex) => ex switch
    {
        AmazonServiceException service when !string.IsNullOrEmpty(service.ErrorCode) =>
            $"{service.ErrorCode}: {service.Message}",
        AmazonClientException { InnerException: { } inner } => inner.Message,
        _ => ex.Message,
    };
}
