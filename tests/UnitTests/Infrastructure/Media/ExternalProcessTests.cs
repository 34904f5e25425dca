using AssetManager.Infrastructure.Media;

namespace AssetManager.UnitTests.Infrastructure.Media;

public sealed class ExternalProcessTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Stdout_is_collected_whole_and_stderr_keeps_its_end()
    {
        // 1 MiB on stdout (more than a pipe holds) and 100 KB on stderr, both read while the program runs.
        var result = await ExternalProcess.RunAsync("/bin/sh",
            ["-c", "head -c 1048576 /dev/zero; i=0; while [ $i -lt 1000 ]; do echo \"line $i of the errors\" >&2; i=$((i+1)); done; exit 3"],
            Minute, default);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(1 << 20, result.Output.Length);
        Assert.EndsWith("line 999 of the errors\n", result.ErrorTail);
        Assert.DoesNotContain("line 0 of", result.ErrorTail);
        Assert.InRange(result.ErrorTail.Length, 1, 4096);
    }

    [Fact]
    public async Task Arguments_reach_the_program_as_they_are_with_no_shell_between()
    {
        var result = await ExternalProcess.RunAsync("/bin/echo", ["a b", "$HOME", "'quoted'", "; ls"], Minute, default);

        Assert.Equal("a b $HOME 'quoted' ; ls\n", System.Text.Encoding.UTF8.GetString(result.Output));
    }

    [Fact]
    public async Task Stdin_is_closed_so_a_program_reading_it_does_not_wait()
    {
        var result = await ExternalProcess.RunAsync("/bin/cat", [], Minute, default);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task A_program_over_the_time_limit_is_stopped_with_a_timeout()
    {
        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            ExternalProcess.RunAsync("/bin/sleep", ["300"], TimeSpan.FromMilliseconds(200), default));

        Assert.Equal("sleep did not finish within 0.2 s.", error.Message);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(0)]
    public async Task The_program_and_what_it_starts_run_at_the_priority_given(int nice)
    {
        // the shell waits a moment, as a tool loads before it starts its threads; `nice` then reads what it inherited
        var result = await ExternalProcess.RunAsync("/bin/sh", ["-c", "sleep 0.2; nice"], Minute, default, nice);

        Assert.Equal($"{nice}\n", System.Text.Encoding.UTF8.GetString(result.Output));
    }
}
