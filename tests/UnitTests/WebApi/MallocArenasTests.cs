using AssetManager.WebApi.Hosting;

namespace AssetManager.UnitTests.WebApi;

/// <summary>Tests of one class run one after another: the second one's variable never meets the first.</summary>
public sealed class MallocArenasTests
{
    [Fact]
    public void The_cap_is_set_on_glibc_when_the_environment_sets_none()
    {
        Assert.Null(Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX"));

        Assert.True(MallocArenas.Limit());
    }

    [Fact]
    public void An_operators_MALLOC_ARENA_MAX_wins()
    {
        Environment.SetEnvironmentVariable("MALLOC_ARENA_MAX", "4");
        try
        {
            Assert.False(MallocArenas.Limit());
        }
        finally
        {
            Environment.SetEnvironmentVariable("MALLOC_ARENA_MAX", null);
        }
    }
}
