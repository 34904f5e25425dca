using System.Net;
using AssetManager.Infrastructure.Import;
using AssetManager.UnitTests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AssetManager.UnitTests.Infrastructure.Import;

public sealed class ImportOptionsTests
{
    [Fact]
    public void The_original_name_gives_the_allowed_networks_addresses_and_ranges_alike()
    {
        var options = Settings.Bind<ImportOptions>(("IMPORT_ALLOWED_NETWORKS", " 127.0.0.1/32, 10.0.0.0/8 ,::1, 192.168.1.7"));

        Assert.Equal(
            [IPNetwork.Parse("127.0.0.1/32"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("::1/128"), IPNetwork.Parse("192.168.1.7/32")],
            options.Networks());
    }

    [Fact]
    public void Defaults_allow_nothing_special_and_follow_five_redirects()
    {
        var options = Settings.Bind<ImportOptions>();

        Assert.Empty(options.Networks());
        Assert.Equal(5, options.MaxRedirects);
        Assert.Equal(10, options.ConnectTimeoutSeconds);
        Assert.Equal(600, options.TimeoutSeconds);
    }

    [Fact]
    public void A_network_that_cannot_be_read_stops_the_start_naming_it()
    {
        using var provider = Settings.Provider(("IMPORT_ALLOWED_NETWORKS", "127.0.0.1/32,intranet"));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ImportOptions>>().Value);

        Assert.Contains("IMPORT_ALLOWED_NETWORKS", error.Message);
        Assert.Contains("'intranet'", error.Message);
    }
}
