namespace AssetManager.Infrastructure.Persistence;

/// <summary>
/// A stored object whose row is gone and which is yet to be deleted from the store. The database writes these itself,
/// in the same statement that deletes an asset (ObjectDeletionTrigger), so no deletion path, cascade or race can lose one.
/// </summary>
public sealed class ObjectDeletion
{
    private ObjectDeletion() { }

    public long Id { get; private set; }
    public string ObjectKey { get; private set; } = "";
    public DateTime RequestedAt { get; private set; }
}
