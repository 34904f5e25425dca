using AssetManager.Infrastructure.Identity;

namespace AssetManager.UnitTests.Infrastructure;

public sealed class PasswordHashingGateTests
{
    [Fact]
    public async Task Hashes_run_on_all_cores_but_one_at_most_and_the_rest_wait()
    {
        var gate = new PasswordHashingGate();
        var running = 0;
        var most = 0;

        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => gate.RunAsync(async () =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            await Task.Delay(20);
            Interlocked.Decrement(ref running);
            return true;
        }, CancellationToken.None)));

        Assert.Equal(Math.Max(1, Environment.ProcessorCount - 1), most);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }
}
