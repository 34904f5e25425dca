using System.Net;
using AssetManager.Infrastructure.Import;

namespace AssetManager.UnitTests.Infrastructure.Import;

/// <summary>Which addresses an import may reach, however the address is written.</summary>
public sealed class AddressRulesTests
{
    private static readonly AddressRules None = new([]);

    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.0.9", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("10.0.0.1", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("100.64.0.1", "private")]
    [InlineData("fd12:3456::1", "private")]
    [InlineData("fc00::1", "private")]
    [InlineData("::ffff:10.1.2.3", "private")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("::ffff:169.254.169.254", "link-local")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("239.255.255.250", "multicast")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("::", "unspecified")]
    [InlineData("255.255.255.255", "reserved")]
    [InlineData("64:ff9b::7f00:1", "loopback")] // NAT64 of 127.0.0.1
    [InlineData("2002:a00:1::", "private")] // 6to4 of 10.0.0.1
    [InlineData("::a00:1", "private")] // IPv4-compatible 10.0.0.1
    public void Special_addresses_are_refused_with_their_kind(string address, string kind) =>
        Assert.Equal(kind, None.Refusal(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("93.184.216.34")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    public void Public_addresses_are_reachable(string address) =>
        Assert.Null(None.Refusal(IPAddress.Parse(address)));

    [Fact]
    public void The_allowed_networks_open_exactly_what_they_name()
    {
        var rules = new AddressRules([IPNetwork.Parse("127.0.0.1/32"), IPNetwork.Parse("10.1.0.0/16")]);

        Assert.Null(rules.Refusal(IPAddress.Parse("127.0.0.1")));
        Assert.Null(rules.Refusal(IPAddress.Parse("::ffff:127.0.0.1")));
        Assert.Null(rules.Refusal(IPAddress.Parse("10.1.200.3")));
        Assert.Equal("loopback", rules.Refusal(IPAddress.Parse("127.0.0.2")));
        Assert.Equal("loopback", rules.Refusal(IPAddress.Parse("::1")));
        Assert.Equal("private", rules.Refusal(IPAddress.Parse("10.2.0.1")));
        Assert.Equal("link-local", rules.Refusal(IPAddress.Parse("169.254.169.254")));
    }
}
