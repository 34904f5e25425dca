using AssetManager.Domain.Assets;
using Microsoft.Extensions.Logging;

namespace AssetManager.Application.Common.Storage;

/// <summary>The counterparts of the original <c>s3_utils.py</c>: unique-name upload and delete by URL.</summary>
public static class StorageUtilities
{
    /// <summary><c>upload_file_to_s3(file, folder)</c>: stores under a new unique name, returns the URL and the name.</summary>
    public static async Task<(string FileUrl, string FileName, string Key)> UploadUniqueAsync(
        this IObjectStorage storage, Stream content, string extension, string contentType,
        CancellationToken cancellationToken, string folder = ObjectKeys.UploadsFolder)
    {
        var key = ObjectKeys.NewKey(extension, folder);
        var stored = await storage.PutAsync(key, content, contentType, lengthAtLeast: 0, cancellationToken);
        return (stored.Url, key[(key.LastIndexOf('/') + 1)..], stored.Key);
    }

    /// <summary><c>delete_file_from_s3(url)</c>: true when our object was deleted; false, never an exception, otherwise.</summary>
    public static async Task<bool> DeleteByUrlAsync(
        this IObjectStorage storage, string url, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            var key = storage.KeyFromUrl(url);
            if (key is null || !await storage.ExistsAsync(key, cancellationToken)) return false;
            await storage.DeleteAsync(key, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not delete {Url}", url);
            return false;
        }
    }

    /// <summary>Deletes objects whose rows are already gone; a failure is logged, the rows stay deleted.</summary>
    public static async Task DeleteQuietlyAsync(
        this IObjectStorage storage, IEnumerable<string> keys, ILogger logger)
    {
        foreach (var key in keys)
        {
            try
            {
                await storage.DeleteAsync(key, CancellationToken.None);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Could not delete stored object {Key}; it is orphaned", key);
            }
        }
    }
}
