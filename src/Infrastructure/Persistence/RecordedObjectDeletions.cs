using AssetManager.Application.Common.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AssetManager.Infrastructure.Persistence;

/// <summary>
/// Deletes from the store the objects the database recorded as gone (ObjectDeletionTrigger), then forgets them. Two
/// callers at once may delete one object twice, which the store takes as done; a key is forgotten only once its object
/// is gone, so a store that is down loses nothing.
/// </summary>
internal sealed class RecordedObjectDeletions(AppDbContext db, IObjectStorage storage, ILogger<RecordedObjectDeletions> logger)
    : IObjectDeletions
{
    private const int Batch = 200;

    public async Task<int> DeletePendingAsync(int max, CancellationToken cancellationToken)
    {
        var deleted = 0;
        while (deleted < max)
        {
            var batch = await db.ObjectDeletions.OrderBy(d => d.Id).Take(Math.Min(Batch, max - deleted)).ToListAsync(cancellationToken);
            var done = new List<ObjectDeletion>();
            foreach (var deletion in batch)
            {
                try
                {
                    await storage.DeleteAsync(deletion.ObjectKey, cancellationToken);
                    done.Add(deletion);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Could not delete stored object {Key} yet; it stays recorded", deletion.ObjectKey);
                    break; // the store is likely down: the rest waits for the next call
                }
            }
            await ForgetAsync(done, cancellationToken);
            deleted += done.Count;
            if (done.Count < Batch) return deleted;
        }
        return deleted;
    }

    private async Task ForgetAsync(List<ObjectDeletion> done, CancellationToken ct)
    {
        if (done.Count == 0) return;
        db.ObjectDeletions.RemoveRange(done);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // another caller forgot some of them first: they are gone all the same
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
