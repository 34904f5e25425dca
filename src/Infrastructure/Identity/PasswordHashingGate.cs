namespace AssetManager.Infrastructure.Identity;

/// <summary>
/// At most one password hash at a time per core but one (at least one): a flood of logins from many addresses and
/// names, which no throttle can tell apart, then queues for the hashing cores while every other request keeps a core.
/// Waiting is asynchronous, so queued logins hold no thread.
/// </summary>
internal sealed class PasswordHashingGate
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, Environment.ProcessorCount - 1));

    public async Task<T> RunAsync<T>(Func<Task<T>> hashingWork, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            return await hashingWork();
        }
        finally
        {
            _slots.Release();
        }
    }
}
