using AssetManager.WebApi.Hosting;

namespace AssetManager.UnitTests.WebApi;

/// <summary>
/// With a stand-in for <c>mallopt</c>: the real one would change this process's allocator for every test after it
/// (the native-memory test measures what glibc keeps).
/// </summary>
public sealed class MallocTuningTests
{
    private readonly List<(int Parameter, int Value)> _set = [];

    private int Record(int parameter, int value)
    {
        _set.Add((parameter, value));
        return 1; // what glibc answers when it takes a value
    }

    [Fact]
    public void Both_are_set_when_the_environment_sets_neither()
    {
        Assert.Equal((true, true), MallocTuning.Apply(_ => null, Record));

        Assert.Equal([(MallocTuning.MArenaMax, 2), (MallocTuning.MMmapThreshold, 1024 * 1024)], _set);
    }

    [Theory]
    [InlineData("MALLOC_ARENA_MAX", false, true)]
    [InlineData("MALLOC_MMAP_THRESHOLD_", true, false)]
    public void A_variable_the_operator_sets_wins(string variable, bool arenasCapped, bool thresholdFixed)
    {
        Assert.Equal((arenasCapped, thresholdFixed), MallocTuning.Apply(name => name == variable ? "4" : null, Record));

        Assert.Single(_set);
    }

    [Fact]
    public void A_value_glibc_refuses_is_not_reported_as_set()
    {
        Assert.Equal((false, false), MallocTuning.Apply(_ => null, (_, _) => 0));
    }
}
