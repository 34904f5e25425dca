using System.Diagnostics;
using AssetManager.IntegrationTests.Fixtures;

namespace AssetManager.IntegrationTests.Limits;

/// <summary>
/// <c>Kestrel:Limits:MaxConcurrentConnections</c> from configuration is applied (it was not: the host binds no
/// Kestrel limits): connections beyond it are closed at once, established ones go on, and new ones are taken
/// again once the idle ones are gone.
/// </summary>
public sealed class ConnectionLimitTests : IDisposable
{
    private const int Limit = 20;

    private readonly ApiFactory _factory = new(new Dictionary<string, string?>
    {
        ["Kestrel:Limits:MaxConcurrentConnections"] = Limit.ToString(),
    });

    [Fact]
    public async Task Connections_beyond_the_configured_limit_are_refused_while_established_ones_go_on()
    {
        using var established = await KeepAliveConnection.OpenAsync(_factory.BaseAddress);
        Assert.Equal(200, await established.GetHealthAsync());

        using (var idle = new IdleConnections(_factory.BaseAddress, 2 * Limit))
        {
            var refused = 2 * Limit - (Limit - 1); // the established connection holds one place
            await EventuallyAsync(() => Task.FromResult(idle.ClosedByServer >= refused));
            Assert.Equal(refused, idle.ClosedByServer);

            Assert.Equal(200, await established.GetHealthAsync());
        }

        using var client = _factory.CreateRealClient();
        Assert.True(await EventuallyAsync(async () => (await client.GetAsync("/health")).IsSuccessStatusCode),
            "a new connection is served once the idle ones are gone");
        Assert.Equal(200, await established.GetHealthAsync());
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        do
        {
            try
            {
                if (await condition()) return true;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        } while (clock.Elapsed < TimeSpan.FromSeconds(20));
        return false;
    }

    public void Dispose() => _factory.Dispose();
}
