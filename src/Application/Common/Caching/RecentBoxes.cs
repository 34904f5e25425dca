namespace AssetManager.Application.Common.Caching;

/// <summary>
/// Boxes this process found in the database within the last lifetime, by id, with their owner and name, so that a
/// client's run of uploads into one box does not query it each time (docs/adr/0005-the-upload-writes-its-row-directly.md).
/// A box's owner never changes and its id is never reused; a box renamed, moved or deleted here is revoked before
/// the change is saved. One deleted by another instance is still caught when the upload's row is inserted.
/// </summary>
public sealed class RecentBoxes(TimeProvider clock, TimeSpan lifetime) : RecentEntries<int, RecentBoxes.Box>(clock, lifetime)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(30);

    public readonly record struct Box(int OwnerId, string Name);

    /// <summary>The box's name when it is remembered as the user's; someone else's box is not found, as in the database.</summary>
    public bool TryGetOwned(int boxId, int userId, out string name)
    {
        var found = TryGet(boxId, out var box) && box.OwnerId == userId;
        name = found ? box.Name : "";
        return found;
    }
}
