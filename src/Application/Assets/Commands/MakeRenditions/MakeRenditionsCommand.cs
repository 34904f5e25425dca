using System.Security.Cryptography;
using AssetManager.Application.Common.Media;
using AssetManager.Application.Common.Persistence;
using AssetManager.Application.Common.Storage;
using AssetManager.Domain.Assets;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AssetManager.Application.Assets.Commands.MakeRenditions;

/// <summary>
/// Makes a pending asset's thumbnail and preview and reads its media facts (run by the job engine, never by a request).
/// Answers the asset's processing state afterwards. A file that cannot be processed marks the asset failed at once;
/// any other error is thrown for the engine to retry.
/// </summary>
public sealed record MakeRenditionsCommand(int AssetId) : ICommand<ProcessingState?>;

internal sealed class MakeRenditionsHandler(
    IAppDbContext db, IObjectStorage storage, IRenditionMaker renditions, ILogger<MakeRenditionsHandler> logger)
    : ICommandHandler<MakeRenditionsCommand, ProcessingState?>
{
    public const string WebpContentType = "image/webp";

    public async ValueTask<ProcessingState?> Handle(MakeRenditionsCommand command, CancellationToken cancellationToken)
    {
        var asset = await db.Assets.FirstOrDefaultAsync(a => a.Id == command.AssetId, cancellationToken);
        if (asset is null || asset.Processing != ProcessingState.Pending) return asset?.Processing; // deleted, or done before
        var format = FileFormat.FromExtension(FileFormat.ExtensionOf(asset.FileKey));
        if (format is null)
            return await FailAsync(asset, $"'{FileFormat.ExtensionOf(asset.FileKey)}' is not a format renditions are made of", cancellationToken);

        var work = Directory.CreateTempSubdirectory(Renditions.ScratchPrefix);
        try
        {
            var source = Path.Combine(work.FullName, "original" + format.Extension);
            // an upload through the service hashed the file as it streamed; only a direct upload's is read here
            var (size, sha256) = await DownloadAsync(asset.FileKey, source, hash: asset.ChecksumSha256 is null, cancellationToken);
            var output = new RenditionFiles(Path.Combine(work.FullName, "thumbnail.webp"), Path.Combine(work.FullName, "preview.webp"));
            MediaFacts facts;
            try
            {
                facts = await renditions.MakeAsync(source, format, output, cancellationToken);
            }
            catch (UnprocessableMediaException ex)
            {
                asset.RecordFileFacts(size, sha256);
                return await FailAsync(asset, ex.Message, cancellationToken);
            }
            var thumbnail = await PutAsync(ObjectKeys.ThumbnailOf(asset.FileKey), output.ThumbnailPath, cancellationToken);
            var preview = await PutAsync(ObjectKeys.PreviewOf(asset.FileKey), output.PreviewPath, cancellationToken);
            asset.RecordFileFacts(size, sha256);
            asset.CompleteProcessing(thumbnail, preview, facts.Width, facts.Height, facts.Duration);
            if (await SaveAsync(cancellationToken))
            {
                logger.LogInformation("Asset {AssetId}: renditions made ({Width}x{Height})", asset.Id, facts.Width, facts.Height);
                return ProcessingState.Ready;
            }
            // deleted while its renditions were being made: nothing may be left of it
            await storage.DeleteQuietlyAsync([thumbnail.Key, preview.Key], logger);
            return null;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private async Task<(long Size, string? Sha256)> DownloadAsync(string key, string path, bool hash, CancellationToken ct)
    {
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            await storage.DownloadAsync(key, file, ct);
        await using var read = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return (read.Length, hash ? Convert.ToHexStringLower(await SHA256.HashDataAsync(read, ct)) : null);
    }

    /// <summary>
    /// Rendition keys are named after the original, so a run that follows one cut short may find its own leftovers:
    /// they belong to no row yet, and are replaced (the store itself never overwrites).
    /// </summary>
    private async Task<StoredFile> PutAsync(string key, string path, CancellationToken ct)
    {
        await storage.DeleteAsync(key, ct);
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous);
        return await storage.PutAsync(key, file, WebpContentType, file.Length, ct);
    }

    private async Task<ProcessingState?> FailAsync(Asset asset, string reason, CancellationToken ct)
    {
        logger.LogWarning("Asset {AssetId}: no renditions: {Reason}", asset.Id, reason);
        asset.FailProcessing(reason);
        return await SaveAsync(ct) ? ProcessingState.Failed : null;
    }

    /// <summary>False when the asset was deleted meanwhile.</summary>
    private async Task<bool> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
