using AssetManager.IntegrationTests.Fixtures;
using AssetManager.WebApi.Hosting;

namespace AssetManager.IntegrationTests.Limits;

/// <summary>
/// The regression test of "idle connections end the process". Before the connection limit, idle connections filled
/// the process's descriptor table; Kestrel's accept loop then failed and retried without pause (each failure an
/// exception whose stack trace tried to open the stack-trace reader's assembly, and grew native memory some 30 MB
/// a second), and the first thread the runtime could not start ended the process with "Out of memory.".
/// Run alone: the descriptors the service holds for a moment under the flood grow when other tests load the machine,
/// which made it fail in full runs once more test classes ran beside it (the service dying of "Out of memory.").
/// </summary>
[Collection(Alone.Name)]
public sealed class OpenFileLimitTests
{
    private const int FileLimit = 512; // the service holds about 330 descriptors once started
    private const int Flood = 700;
    private const long MemoryBound = 100L * 1024 * 1024;

    [Fact]
    public async Task More_idle_connections_than_the_open_file_limit_leave_the_service_alive_and_serving()
    {
        OpenFileLimit.RaiseSoftToHard(); // this process opens the flood
        await using var service = await ServiceProcess.StartAsync(openFileLimit: FileLimit);
        using var established = await KeepAliveConnection.OpenAsync(service.BaseAddress);
        Assert.Equal(200, await established.GetHealthAsync());
        var before = service.ResidentBytes;
        var most = before;

        using (new IdleConnections(service.BaseAddress, Flood))
        {
            for (var second = 0; second < 10 && service.IsAlive; second++)
            {
                await Task.Delay(1000);
                if (service.IsAlive) most = Math.Max(most, service.ResidentBytes);
            }
            Assert.True(service.IsAlive, "the service died under the flood:\n" + service.Output);
            Assert.Equal(200, await established.GetHealthAsync());
        }

        Assert.True(most - before < MemoryBound,
            $"resident memory grew from {before >> 20} MiB to {most >> 20} MiB under the flood");
        Assert.True(await service.AnswersAsync(TimeSpan.FromSeconds(20)), "a new connection is served once the flood is gone");
        Assert.True(service.IsAlive);
        Assert.Contains($"The open-file limit is {FileLimit}", service.Output);
    }
}

/// <summary>Test classes that measure the machine's limits and run with no other test beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Alone
{
    public const string Name = "Alone on the machine";
}
