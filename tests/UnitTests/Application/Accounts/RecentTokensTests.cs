using AssetManager.Application.Accounts;
using AssetManager.UnitTests.TestSupport;

namespace AssetManager.UnitTests.Application.Accounts;

public sealed class RecentTokensTests
{
    private readonly FixedClock _clock = new();
    private readonly RecentTokens _recent;

    public RecentTokensTests() => _recent = new RecentTokens(_clock);

    [Fact]
    public void A_remembered_token_is_known_until_its_lifetime_ends()
    {
        _recent.Remember("h", 7);

        Assert.True(_recent.TryGetUser("h", out var user));
        Assert.Equal(7, user);
        Assert.False(_recent.TryGetUser("other", out _));
        _clock.Now += RecentTokens.Lifetime;
        Assert.False(_recent.TryGetUser("h", out _));
    }

    [Fact]
    public void A_revoked_token_is_not_known_and_a_lookup_that_raced_the_revocation_cannot_bring_it_back()
    {
        _recent.Remember("h", 7);
        _recent.Revoke("h");
        Assert.False(_recent.TryGetUser("h", out _));

        _recent.Remember("h", 7); // a request that read the row just before the logout deleted it
        Assert.False(_recent.TryGetUser("h", out _));
    }

    [Fact]
    public void When_full_expired_entries_make_room_and_live_ones_are_kept()
    {
        for (var i = 0; i < RecentTokens.Capacity; i++) _recent.Remember($"old{i}", i);
        _recent.Remember("full", 1);
        Assert.False(_recent.TryGetUser("full", out _)); // no room: not kept, still looked up each time
        Assert.True(_recent.TryGetUser("old0", out _));

        _clock.Now += RecentTokens.Lifetime;
        _recent.Remember("new", 2);
        Assert.True(_recent.TryGetUser("new", out var user));
        Assert.Equal(2, user);
    }
}
