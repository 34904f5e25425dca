using AssetManager.Application.Common.Storage;
using AssetManager.Domain.Assets;
using AssetManager.Domain.Common;

namespace AssetManager.Infrastructure.Storage;

/// <summary>
/// The embedded default store: files under a folder, served by WebApi under <c>/media/</c> with the same key
/// layout as S3. A file is written under a temporary name and moved into place, so a failed or aborted
/// upload leaves nothing behind and an existing file is never overwritten.
/// </summary>
public sealed class DiskObjectStorage(StorageOptions options) : IObjectStorage
{
    public const string MediaPath = "/media";
    private const string IncomingFolder = ".incoming";

    public string Root { get; } = Path.GetFullPath(options.LocalRoot);

    public async Task<StoredFile> PutAsync(
        string key, Stream content, string contentType, long lengthAtLeast, CancellationToken cancellationToken)
    {
        var target = PathOf(key);
        var temporary = Path.Combine(Root, IncomingFolder, $"{Guid.NewGuid():N}.part");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(temporary)!);
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
                await StreamCopy.CopyAsync(content, file, WrapWriteError, cancellationToken);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(temporary, target, overwrite: false);
            return new StoredFile(key, UrlOf(key));
        }
        catch (IOException ex) when (File.Exists(target) && File.Exists(temporary))
        {
            throw new StorageFailedException($"an object already exists at {key}", ex);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public async Task DownloadAsync(string key, Stream destination, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous);
        await file.CopyToAsync(destination, cancellationToken);
    }

    /// <summary>Temporary files of uploads cut short (a crash, a client gone) that nobody is writing any more.</summary>
    public Task<int> SweepAbandonedUploadsAsync(DateTimeOffset startedBefore, IReadOnlySet<string> keep, CancellationToken cancellationToken)
    {
        var incoming = new DirectoryInfo(Path.Combine(Root, IncomingFolder));
        if (!incoming.Exists) return Task.FromResult(0);
        var removed = 0;
        foreach (var file in incoming.EnumerateFiles("*.part"))
        {
            if (file.LastWriteTimeUtc >= startedBefore.UtcDateTime) continue;
            try
            {
                file.Delete();
                removed++;
            }
            catch (IOException)
            {
                // taken or gone meanwhile
            }
        }
        return Task.FromResult(removed);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            File.Delete(PathOf(key));
        }
        catch (DirectoryNotFoundException)
        {
            // nothing was ever stored in its folder: missing, which is not an error
        }
        return Task.CompletedTask;
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => Task.FromResult(File.Exists(PathOf(key)));

    public string? KeyFromUrl(string url)
    {
        var prefix = $"{options.LocalPublicBaseUrl}{MediaPath}/";
        if (!url.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var key = Uri.UnescapeDataString(url[prefix.Length..]);
        return IsSafeKey(key) ? key : null;
    }

    public Task CheckHealthAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Root);
        return Task.CompletedTask;
    }

    private string UrlOf(string key) => $"{options.LocalPublicBaseUrl}{MediaPath}/{key}";

    private string PathOf(string key) =>
        IsSafeKey(key) ? Path.Combine(Root, key) : throw new ArgumentException($"Not a storage key: {key}", nameof(key));

    private static bool IsSafeKey(string key) =>
        key.Length > 0 && !key.StartsWith('/') && !key.Contains('\\')
        && key.Split('/').All(segment => segment.Length > 0 && segment != "." && segment != ".." && !segment.StartsWith('.'));

    private static Exception WrapWriteError(Exception ex) => new StorageFailedException(ex.Message, ex);
}
