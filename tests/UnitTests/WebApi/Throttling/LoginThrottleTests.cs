using System.Net;
using AssetManager.Application.Accounts;
using AssetManager.UnitTests.TestSupport;
using AssetManager.WebApi.Auth.Throttling;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AssetManager.UnitTests.WebApi.Throttling;

/// <summary>Contract section 2's throttle, as this process counts it: the contract's defaults, per username and per address.</summary>
public sealed class LoginThrottleTests : IDisposable
{
    private static readonly IPAddress Home = IPAddress.Parse("198.51.100.1");
    private static readonly IPAddress Elsewhere = IPAddress.Parse("203.0.113.9");

    private readonly FixedClock _clock = new();
    private readonly LoginFailures _failures;
    private readonly LoginThrottle _throttle;

    public LoginThrottleTests()
    {
        _failures = new LoginFailures(Options.Create(new LoginThrottleOptions()), _clock, NullLogger<LoginFailures>.Instance);
        _throttle = new LoginThrottle(_failures, new UpperInvariantLookupNormalizer());
    }

    public void Dispose() => _failures.Dispose();

    private static IPAddress Address(int i) => new([10, 0, (byte)(i / 256), (byte)(i % 256)]);

    [Fact]
    public void The_contracts_defaults_are_10_per_username_and_100_per_address_in_15_minutes()
    {
        var options = new LoginThrottleOptions();
        Assert.Equal((10, 100, TimeSpan.FromMinutes(15)), (options.FailuresPerUsername, options.FailuresPerAddress, options.Window));
        Assert.Equal("Auth:Throttle", LoginThrottleOptions.Section);
    }

    [Fact]
    public void Ten_failures_for_a_username_from_anywhere_make_its_logins_wait_15_minutes()
    {
        for (var i = 0; i < 10; i++)
        {
            Assert.Null(_throttle.CountInAdvance(i % 2 == 0 ? "alice" : "ALICE", Address(i)));
            _clock.Now += TimeSpan.FromSeconds(1);
        }

        Assert.Equal(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(10), _throttle.CountInAdvance("Alice", Address(99)));
        Assert.Null(_throttle.CountInAdvance("bob", Address(0))); // another username from the same addresses
        _clock.Now += TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(10);
        Assert.Null(_throttle.CountInAdvance("alice", Address(99))); // the first failure has left the window
    }

    [Fact]
    public void A_hundred_failures_from_an_address_make_its_logins_wait_and_no_one_elses()
    {
        for (var i = 0; i < 100; i++) Assert.Null(_throttle.CountInAdvance("user" + i, Home));

        Assert.Equal(TimeSpan.FromMinutes(15), _throttle.CountInAdvance("someone-new", Home));
        Assert.Null(_throttle.CountInAdvance("someone-new", Elsewhere));
        Assert.Null(_throttle.CountInAdvance("user1", Elsewhere)); // one failure each: far from the username limit
    }

    [Fact]
    public void A_login_refused_by_its_address_does_not_count_against_its_username()
    {
        for (var i = 0; i < 100; i++) _throttle.CountInAdvance("user" + i, Home);

        for (var i = 0; i < 20; i++) Assert.NotNull(_throttle.CountInAdvance("carol", Home));

        Assert.Equal(10, _failures.ByUsername.GetStatistics("CAROL")!.CurrentAvailablePermits);
    }

    [Fact]
    public void When_both_are_exhausted_the_longer_wait_is_given()
    {
        for (var i = 0; i < 10; i++) _throttle.CountInAdvance("alice", Address(i)); // alice's window ends first
        _clock.Now += TimeSpan.FromMinutes(5);
        for (var i = 0; i < 100; i++) _throttle.CountInAdvance("user" + i, Home);

        Assert.Equal(TimeSpan.FromMinutes(10), _throttle.CountInAdvance("alice", Elsewhere));
        Assert.Equal(TimeSpan.FromMinutes(15), _throttle.CountInAdvance("alice", Home)); // the address's, not alice's 10
    }

    [Fact]
    public void A_success_taken_back_never_counts()
    {
        for (var i = 0; i < 50; i++)
        {
            Assert.Null(_throttle.CountInAdvance("alice", Home));
            _throttle.TakeBack("Alice", Home);
        }

        Assert.Equal(10, _failures.ByUsername.GetStatistics("ALICE")!.CurrentAvailablePermits);
        Assert.Equal(100, _failures.ByAddress.GetStatistics("198.51.100.1")!.CurrentAvailablePermits);
    }

    [Theory]
    [InlineData("198.51.100.7", "198.51.100.7")]
    [InlineData("::ffff:198.51.100.7", "198.51.100.7")] // IPv4 on a dual-stack socket
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")] // the same /64: the same client
    [InlineData("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    [InlineData("::1", "::/64")]
    public void One_client_address_is_an_IPv4_address_or_an_IPv6_64(string address, string key)
    {
        Assert.Equal(key, ClientAddressKey.For(IPAddress.Parse(address)));
    }

    [Fact]
    public void No_address_is_one_client()
    {
        Assert.Equal("-", ClientAddressKey.For(null));
    }
}
