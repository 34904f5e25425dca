using AssetManager.Application.Common.Caching;
using AssetManager.UnitTests.TestSupport;

namespace AssetManager.UnitTests.Application.Common;

public sealed class RecentBoxesTests
{
    private readonly FixedClock _clock = new();
    private readonly RecentBoxes _boxes;

    public RecentBoxesTests() => _boxes = new RecentBoxes(_clock, RecentBoxes.DefaultLifetime);

    [Fact]
    public void A_remembered_box_is_known_to_its_owner_only_until_its_lifetime_ends()
    {
        _boxes.Remember(5, new RecentBoxes.Box(OwnerId: 7, "Scene 1"));

        Assert.True(_boxes.TryGetOwned(5, 7, out var name));
        Assert.Equal("Scene 1", name);
        Assert.False(_boxes.TryGetOwned(5, 8, out _));
        Assert.False(_boxes.TryGetOwned(6, 7, out _));
        _clock.Now += RecentBoxes.DefaultLifetime;
        Assert.False(_boxes.TryGetOwned(5, 7, out _));
    }

    [Fact]
    public void A_revoked_box_is_not_known_and_a_read_racing_the_change_cannot_bring_its_old_name_back()
    {
        _boxes.Remember(5, new RecentBoxes.Box(7, "Scene 1"));
        _boxes.Revoke(5);
        _boxes.Remember(5, new RecentBoxes.Box(7, "Scene 1")); // an upload that read the row just before the rename

        Assert.False(_boxes.TryGetOwned(5, 7, out _));
    }

    [Fact]
    public void A_zero_lifetime_keeps_nothing()
    {
        var off = new RecentBoxes(_clock, TimeSpan.Zero);

        off.Remember(5, new RecentBoxes.Box(7, "Scene 1"));

        Assert.False(off.TryGetOwned(5, 7, out _));
    }
}
