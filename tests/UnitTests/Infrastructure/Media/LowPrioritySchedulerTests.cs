using System.Globalization;
using System.Text;
using AssetManager.Infrastructure.Media;

namespace AssetManager.UnitTests.Infrastructure.Media;

public sealed class LowPrioritySchedulerTests : IDisposable
{
    private readonly LowPriorityScheduler _scheduler = new(threads: 2, nice: 10);

    [Fact]
    public async Task Work_runs_at_the_lower_priority_before_and_after_an_await_and_so_do_the_programs_it_starts()
    {
        var before = CurrentThreadNice();

        var (first, afterAwait, child, thread) = await _scheduler.Run(async () =>
        {
            var first = CurrentThreadNice();
            await Task.Delay(10);
            var afterAwait = CurrentThreadNice();
            // with no arguments, nice prints the priority it was started with
            var result = await ExternalProcess.RunAsync("nice", [], TimeSpan.FromMinutes(1), default);
            return (first, afterAwait, int.Parse(Encoding.ASCII.GetString(result.Output).Trim(), CultureInfo.InvariantCulture), Thread.CurrentThread.Name);
        }, default);

        Assert.Equal(0, before);
        Assert.Equal((10, 10, 10), (first, afterAwait, child));
        Assert.StartsWith("Renditions ", thread);
        Assert.Equal(0, CurrentThreadNice()); // the caller's thread is left as it was
    }

    [Fact]
    public async Task A_failure_reaches_the_caller()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _scheduler.Run<int>(async () =>
            {
                await Task.Yield();
                throw new InvalidOperationException("no frame");
            }, default));

        Assert.Equal("no frame", failure.Message);
    }

    /// <summary>Field 19 of /proc/thread-self/stat: the nice value of the calling thread.</summary>
    private static int CurrentThreadNice()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], CultureInfo.InvariantCulture);
    }

    public void Dispose() => _scheduler.Dispose();
}
