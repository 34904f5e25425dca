using AssetManager.WebApi.Hosting;

namespace AssetManager.UnitTests.WebApi;

/// <summary>Tests of one class run one after another: a variable one sets never meets another.</summary>
public sealed class MallocTuningTests
{
    [Fact]
    public void Both_are_set_on_glibc_when_the_environment_sets_neither()
    {
        Assert.Null(Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX"));
        Assert.Null(Environment.GetEnvironmentVariable("MALLOC_MMAP_THRESHOLD_"));

        Assert.Equal((true, true), MallocTuning.Apply());
    }

    [Theory]
    [InlineData("MALLOC_ARENA_MAX", false, true)]
    [InlineData("MALLOC_MMAP_THRESHOLD_", true, false)]
    public void A_variable_the_operator_sets_wins(string variable, bool arenasCapped, bool thresholdFixed)
    {
        Environment.SetEnvironmentVariable(variable, "4");
        try
        {
            Assert.Equal((arenasCapped, thresholdFixed), MallocTuning.Apply());
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }
}
