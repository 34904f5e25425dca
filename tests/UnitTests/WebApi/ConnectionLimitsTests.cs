using AssetManager.WebApi.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace AssetManager.UnitTests.WebApi;

/// <summary>The connection limits the open-file limit holds, and Kestrel's limits read from configuration.</summary>
public sealed class ConnectionLimitsTests
{
    private const long Reserved = 512;

    [Theory]
    [InlineData(1024, 256)]
    [InlineData(20_000, 9744)]
    [InlineData(65_536, 32_512)]
    [InlineData(300, 32)] // below the reserve: the least room, halved
    public void By_default_half_of_what_the_reserve_leaves_goes_to_connections_and_none_to_upgraded_ones(long openFiles, long connections)
    {
        Assert.Equal((connections, 0L), ConnectionLimits.Budget(openFiles, Reserved, null, null));
    }

    [Fact]
    public void Given_limits_that_fit_are_kept()
    {
        Assert.Equal((3L, 10L), ConnectionLimits.Budget(20_000, Reserved, 3, 10));
    }

    [Fact]
    public void Given_limits_beyond_the_open_file_limit_are_cut_down_to_it()
    {
        Assert.Equal((19_488L, 0L), ConnectionLimits.Budget(20_000, Reserved, 50_000, 100));
        Assert.Equal((19_000L, 488L), ConnectionLimits.Budget(20_000, Reserved, 19_000, 1000));
    }

    [Fact]
    public void Kestrel_limits_come_from_configuration()
    {
        var limits = new KestrelServerOptions().Limits;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kestrel:Limits:MaxConcurrentConnections"] = "3",
            ["Kestrel:Limits:KeepAliveTimeout"] = "00:00:30",
            ["Kestrel:Limits:MaxRequestBodySize"] = "1000",
        }).Build();

        ConnectionLimits.Apply(limits, configuration.GetSection(ConnectionLimits.KestrelLimitsSection),
            new ConnectionOptions { RaiseOpenFileLimit = false }, NullLogger.Instance);

        Assert.Equal(3, limits.MaxConcurrentConnections);
        Assert.Equal(TimeSpan.FromSeconds(30), limits.KeepAliveTimeout);
        Assert.Equal(1000, limits.MaxRequestBodySize);
    }

    [Fact]
    public void Without_configuration_the_limit_follows_the_open_file_limit()
    {
        var limits = new KestrelServerOptions().Limits;
        var openFiles = OpenFileLimit.Read();

        ConnectionLimits.Apply(limits, new ConfigurationBuilder().Build(), new ConnectionOptions { RaiseOpenFileLimit = false }, NullLogger.Instance);

        Assert.NotNull(openFiles); // these tests run on Linux
        Assert.Equal(ConnectionLimits.Budget(openFiles.Value.Soft, Reserved, null, null).Connections, limits.MaxConcurrentConnections);
        Assert.Equal(0, limits.MaxConcurrentUpgradedConnections);
    }
}
