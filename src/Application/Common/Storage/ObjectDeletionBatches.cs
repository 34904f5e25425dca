namespace AssetManager.Application.Common.Storage;

/// <summary>How many recorded deletions one call clears.</summary>
public static class ObjectDeletionBatches
{
    /// <summary>
    /// After a delete request: enough for a box of a few hundred assets to be gone from the store when the answer
    /// comes; a larger one is finished by the periodic sweep within a minute.
    /// </summary>
    public const int AfterARequest = 3000;

    public const int PerSweep = 10_000;
}
