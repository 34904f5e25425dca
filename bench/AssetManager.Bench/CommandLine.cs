using System.Diagnostics;

namespace AssetManager.Bench;

/// <summary>Runs a command-line tool (no shell) to its end; a non-zero exit fails with the end of what it wrote to stderr.</summary>
public static class CommandLine
{
    public static async Task RunAsync(string tool, IEnumerable<string> arguments, CancellationToken ct)
    {
        var info = new ProcessStartInfo(tool)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {tool}");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        await output;
        var error = await errors;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} {string.Join(' ', info.ArgumentList)} exited with {process.ExitCode}: {error[Math.Max(0, error.Length - 2000)..]}");
    }
}
