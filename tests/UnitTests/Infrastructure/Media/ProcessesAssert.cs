namespace AssetManager.UnitTests.Infrastructure.Media;

/// <summary>Waits on processes named by id in a file (one a line), as the stand-in tool writes them.</summary>
public static class ProcessesAssert
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static async Task StartedAsync(string pidFile, int count)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (Ids(pidFile).Length < count)
        {
            Assert.True(waited.Elapsed < Patience, $"fewer than {count} processes started");
            await Task.Delay(20);
        }
    }

    /// <summary>Every process listed has ended (gone, or a zombie that nothing has reaped yet).</summary>
    public static async Task AllEndAsync(string pidFile)
    {
        var ids = Ids(pidFile);
        Assert.Equal(2, ids.Length); // the script and its sleeping child
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (ids.Any(IsRunning))
        {
            Assert.True(waited.Elapsed < Patience, $"still running: {string.Join(", ", ids.Where(IsRunning))}");
            await Task.Delay(20);
        }
    }

    private static int[] Ids(string pidFile) =>
        File.Exists(pidFile)
            ? File.ReadAllLines(pidFile).Where(line => line.Trim().Length > 0).Select(int.Parse).ToArray()
            : [];

    private static bool IsRunning(int id)
    {
        try
        {
            var status = File.ReadAllLines($"/proc/{id}/status").FirstOrDefault(line => line.StartsWith("State:", StringComparison.Ordinal));
            return status is not null && !status.Contains("zombie", StringComparison.Ordinal) && !status.Contains("dead", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return false;
        }
    }
}
