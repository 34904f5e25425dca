namespace AssetManager.Application.Common.Storage;

/// <summary>
/// The stored objects whose rows are gone: the database records the keys of every deleted asset itself, whatever
/// deleted it (a command, the cascade of a box or project, a race), and they are deleted from the store here.
/// </summary>
public interface IObjectDeletions
{
    /// <summary>
    /// Deletes up to <paramref name="max"/> recorded objects from the store and forgets them; one that cannot be
    /// deleted now stays recorded for the next call. Returns how many were deleted.
    /// </summary>
    Task<int> DeletePendingAsync(int max, CancellationToken cancellationToken);
}
