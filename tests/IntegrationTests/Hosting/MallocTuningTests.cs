using AssetManager.WebApi.Hosting;

namespace AssetManager.IntegrationTests.Hosting;

/// <summary>
/// The real <c>mallopt</c> takes both values. Here, not among the unit tests: each service this process hosts sets the
/// same values at its start (Program.cs), so whichever comes first, the other tests run with them all the same.
/// </summary>
public sealed class MallocTuningTests
{
    [Fact]
    public void On_glibc_both_values_are_taken()
    {
        Assert.Null(Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX"));
        Assert.Null(Environment.GetEnvironmentVariable("MALLOC_MMAP_THRESHOLD_"));

        Assert.Equal((true, true), MallocTuning.Apply());
    }
}
