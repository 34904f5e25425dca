using AssetManager.Application.Common.Persistence;
using AssetManager.Application.Common.Storage;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AssetManager.Application.Assets.Commands.SweepAbandonedUploads;

/// <summary>
/// Removes what uploads started before <paramref name="StartedBefore"/> and never finished left in the store. Direct
/// uploads first (at most <paramref name="MaxDirectUploads"/>, by their own rows, long expired): what a client sent and
/// never completed, or sent again through a URL still valid after a refused completion, is deleted (object and
/// unfinished parts) unless an asset holds it. Then the store's own sweep (unfinished multipart uploads of the service's,
/// temporary files), which leaves the multipart uploads of direct uploads still pending alone whatever the store
/// reports about their age. Answers how many uploads were removed.
/// </summary>
public sealed record SweepAbandonedUploadsCommand(DateTimeOffset StartedBefore, int MaxDirectUploads) : ICommand<int>;

internal sealed class SweepAbandonedUploadsHandler(
    IAppDbContext db, IDirectUploadStorage store, IObjectStorage storage, ILogger<SweepAbandonedUploadsHandler> logger)
    : ICommandHandler<SweepAbandonedUploadsCommand, int>
{
    public async ValueTask<int> Handle(SweepAbandonedUploadsCommand command, CancellationToken cancellationToken)
    {
        var removed = store.IsAvailable ? await SweepDirectUploadsAsync(command.StartedBefore.UtcDateTime, command.MaxDirectUploads, cancellationToken) : 0;
        var pending = (await db.DirectUploads.AsNoTracking().Where(u => u.MultipartUploadId != null).Select(u => u.FileKey)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return removed + await storage.SweepAbandonedUploadsAsync(command.StartedBefore, pending, cancellationToken);
    }

    private async Task<int> SweepDirectUploadsAsync(DateTime startedBefore, int max, CancellationToken cancellationToken)
    {
        var stale = await db.DirectUploads.AsNoTracking()
            .Where(u => u.CreatedAt < startedBefore)
            .OrderBy(u => u.CreatedAt).Take(max)
            .ToListAsync(cancellationToken);
        if (stale.Count == 0) return 0;
        var keys = stale.Select(u => u.FileKey).ToList();
        var held = (await db.Assets.AsNoTracking().Where(a => keys.Contains(a.FileKey)).Select(a => a.FileKey).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);

        var removed = new List<string>();
        foreach (var upload in stale)
        {
            try
            {
                if (!held.Contains(upload.FileKey))
                {
                    if (upload.MultipartUploadId is { } multipartId)
                        await store.AbortMultipartAsync(upload.FileKey, multipartId, cancellationToken);
                    await storage.DeleteAsync(upload.FileKey, cancellationToken);
                }
                removed.Add(upload.Id);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not remove the abandoned direct upload of {Key}; it is tried again later", upload.FileKey);
            }
        }
        await db.DirectUploads.Where(u => removed.Contains(u.Id)).ExecuteDeleteAsync(cancellationToken);
        return removed.Count;
    }
}
