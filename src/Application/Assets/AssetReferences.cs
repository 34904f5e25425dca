using AssetManager.Application.Common.Persistence;
using AssetManager.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace AssetManager.Application.Assets;

/// <summary>References an asset may hold: a catalogue model, and a box of the caller's.</summary>
public static class AssetReferences
{
    public static async Task<bool> AiModelExistsAsync(this IAppDbContext db, int id, CancellationToken ct) =>
        await db.AiModels.AnyAsync(m => m.Id == id, ct);

    public static async Task<bool> OwnsBoxAsync(this IAppDbContext db, int userId, int boxId, CancellationToken ct) =>
        await db.Boxes.OwnedBy(userId).AnyAsync(b => b.Id == boxId, ct);
}
