using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace AssetManager.Infrastructure.Media;

/// <summary>
/// Runs rendition work on threads of its own at a lower CPU priority (Media:Nice, a Linux nice value), so that on a
/// busy machine requests are served first and renditions take the CPU time left over. What libvips starts from these
/// threads (its worker threads) and the ffmpeg processes started from them inherit that priority; an <c>await</c>
/// inside the work comes back to these threads.
/// </summary>
internal sealed class LowPriorityScheduler : TaskScheduler, IDisposable
{
    private const int PrioProcess = 0; // with 0 as the id: the calling thread, on Linux

    [ThreadStatic] private static bool _isWorker;
    private readonly BlockingCollection<Task> _queue = [];
    private readonly int _threads;

    public LowPriorityScheduler(int threads, int nice)
    {
        _threads = threads;
        for (var i = 0; i < threads; i++)
            new Thread(() => Work(nice)) { IsBackground = true, Name = $"Renditions {i + 1}" }.Start();
    }

    public override int MaximumConcurrencyLevel => _threads;

    /// <summary>
    /// Runs the work on these threads. The caller goes on on the thread pool, never on them: a continuation run where
    /// the work finished would take the low priority, and this scheduler, with it.
    /// </summary>
    public async Task<T> Run<T>(Func<Task<T>> work, CancellationToken cancellationToken) =>
        await Task.Factory.StartNew(work, cancellationToken, TaskCreationOptions.DenyChildAttach, this).Unwrap()
            .ConfigureAwait(ConfigureAwaitOptions.ForceYielding);

    private void Work(int nice)
    {
        _isWorker = true;
        // Raising one's own nice value needs no privilege; a failure only leaves the normal priority.
        if (nice > 0 && OperatingSystem.IsLinux()) _ = SetPriority(PrioProcess, 0, nice);
        foreach (var task in _queue.GetConsumingEnumerable()) TryExecuteTask(task);
    }

    protected override void QueueTask(Task task) => _queue.Add(task);

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        _isWorker && !taskWasPreviouslyQueued && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    public void Dispose() => _queue.CompleteAdding();

    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int SetPriority(int which, int who, int priority);
}
