using AssetManager.Application.Accounts;
using AssetManager.UnitTests.TestSupport;

namespace AssetManager.UnitTests.Application.Accounts;

public sealed class RecentTokensTests
{
    private static readonly TimeSpan Lifetime = RecentTokens.DefaultLifetime;
    private readonly FixedClock _clock = new();
    private readonly RecentTokens _recent;

    public RecentTokensTests() => _recent = new RecentTokens(_clock, Lifetime);

    [Fact]
    public void A_remembered_token_is_known_until_its_lifetime_ends()
    {
        _recent.Remember("h", 7);

        Assert.True(_recent.TryGet("h", out var user));
        Assert.Equal(7, user);
        Assert.False(_recent.TryGet("other", out _));
        _clock.Now += Lifetime;
        Assert.False(_recent.TryGet("h", out _));
    }

    [Fact]
    public void A_revoked_token_is_not_known_and_a_lookup_racing_the_revocation_cannot_bring_it_back()
    {
        _recent.Remember("h", 7);
        _recent.Revoke("h");
        Assert.False(_recent.TryGet("h", out _));

        _clock.Now += Lifetime - TimeSpan.FromSeconds(1);
        _recent.Remember("h", 7); // a request that read the row just before the logout deleted it
        Assert.False(_recent.TryGet("h", out _));
    }

    [Fact]
    public void Tokens_no_longer_used_leave_memory_once_a_lifetime_has_passed()
    {
        for (var i = 0; i < 100; i++) _recent.Remember($"old{i}", i);
        Assert.Equal(100, _recent.Count);

        _clock.Now += Lifetime;
        _recent.Remember("new", 1);

        Assert.Equal(1, _recent.Count);
        Assert.True(_recent.TryGet("new", out _));
    }

    [Fact]
    public void When_full_new_tokens_are_not_kept_until_entries_expire()
    {
        for (var i = 0; i < RecentTokens.Capacity; i++) _recent.Remember($"live{i}", i);

        _recent.Remember("full", 1);
        Assert.False(_recent.TryGet("full", out _)); // no room: looked up in the database each time
        Assert.True(_recent.TryGet("live0", out _));

        _clock.Now += Lifetime;
        _recent.Remember("later", 2);
        Assert.True(_recent.TryGet("later", out var user));
        Assert.Equal(2, user);
    }

    [Fact]
    public void Revoking_a_user_revokes_every_remembered_token_of_theirs_and_only_theirs()
    {
        _recent.Remember("a1", 7);
        _recent.Remember("a2", 7);
        _recent.Remember("b1", 8);

        _recent.RevokeUser(7);

        Assert.False(_recent.TryGet("a1", out _));
        Assert.False(_recent.TryGet("a2", out _));
        Assert.True(_recent.TryGet("b1", out var other));
        Assert.Equal(8, other);
    }

    [Fact]
    public void After_revoking_a_user_a_lookup_racing_the_deletion_cannot_bring_a_token_back_for_a_lifetime()
    {
        _recent.RevokeUser(7);

        _clock.Now += Lifetime - TimeSpan.FromSeconds(1);
        _recent.Remember("a1", 7); // a request that read the row just before the logout deleted it
        Assert.False(_recent.TryGet("a1", out _));
        _recent.Remember("b1", 8);
        Assert.True(_recent.TryGet("b1", out _));

        _clock.Now += TimeSpan.FromSeconds(1);
        _recent.Remember("a2", 7); // a token from a login after the logout, once the mark is over
        Assert.True(_recent.TryGet("a2", out _));
    }

    [Fact]
    public void A_zero_lifetime_keeps_nothing()
    {
        var off = new RecentTokens(_clock, TimeSpan.Zero);

        off.Remember("h", 7);
        off.Revoke("g");

        Assert.False(off.TryGet("h", out _));
        Assert.Equal(0, off.Count);
    }
}
