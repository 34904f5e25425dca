using AssetManager.Domain.Assets;

namespace AssetManager.Application.Assets;

/// <summary>What the direct upload's use cases share: the disk store's refusal, and which upload ids a request may use.</summary>
public static class DirectUploads
{
    public const string NeedsS3 = "Direct upload needs S3 storage";

    /// <summary>
    /// The upload <paramref name="id"/> when it is the user's, for this box, not yet claimed by a completion and not
    /// expired: any other (unknown, someone else's, reused, expired) is the same 404.
    /// </summary>
    public static IQueryable<DirectUpload> Usable(this IQueryable<DirectUpload> uploads, int userId, int boxId, string id, DateTime utcNow) =>
        uploads.Where(u => u.Id == id && u.UserId == userId && u.BoxId == boxId && u.ClaimedAt == null && u.ExpiresAt > utcNow);
}
