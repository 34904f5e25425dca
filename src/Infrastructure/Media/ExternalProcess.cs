using System.Diagnostics;
using System.Text;

namespace AssetManager.Infrastructure.Media;

/// <summary>What a finished tool left: its exit code, all it wrote to stdout, and the end of what it wrote to stderr.</summary>
internal sealed record ProcessResult(int ExitCode, byte[] Output, string ErrorTail);

/// <summary>
/// Runs a program with an argument list (no shell), stdin closed, stdout collected and stderr drained, at the given CPU
/// priority. On time out or cancellation the program and every process it started are killed; the caller gets a
/// <see cref="TimeoutException"/> or an <see cref="OperationCanceledException"/>.
/// </summary>
internal static class ExternalProcess
{
    private const int ErrorTailChars = 4096;

    // After a kill, how long to wait for the pipes to close before giving up on them (a process outside the killed
    // tree could still hold them).
    private static readonly TimeSpan DrainAfterKill = TimeSpan.FromSeconds(5);

    public static async Task<ProcessResult> RunAsync(
        string fileName, IEnumerable<string> arguments, TimeSpan timeLimit, CancellationToken cancellationToken, int nice = 0)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        if (nice > 0) Lower(process.Id, nice);
        process.StandardInput.Close();
        var output = new MemoryStream();
        var errors = new ErrorTail();
        var finished = Task.WhenAll(
            process.StandardOutput.BaseStream.CopyToAsync(output, CancellationToken.None),
            errors.ReadAsync(process.StandardError),
            process.WaitForExitAsync(CancellationToken.None));

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeLimit);
        try
        {
            await finished.WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
            try
            {
                await finished.WaitAsync(DrainAfterKill, CancellationToken.None);
            }
            catch (Exception e) when (e is TimeoutException or IOException)
            {
                // Killed: what the pipes still held does not matter.
            }
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"{Path.GetFileName(fileName)} did not finish within {timeLimit.TotalSeconds:0.#} s.");
        }
        return new ProcessResult(process.ExitCode, output.ToArray(), errors.ToString());
    }

    /// <summary>
    /// Right after the start, while the program is still loading. On Linux a priority belongs to a thread, and a new
    /// thread takes its creator's: the main thread first, so that what it starts from then on inherits the value, then
    /// every thread already there.
    /// </summary>
    private static void Lower(int processId, int nice)
    {
        if (!OperatingSystem.IsLinux()) return;
        _ = setpriority(PrioProcess, processId, nice);
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{processId}/task"))
                if (int.TryParse(Path.GetFileName(task), out var threadId)) _ = setpriority(PrioProcess, threadId, nice);
        }
        catch (IOException)
        {
            // the program has already ended: nothing left to lower
        }
    }

    private const int PrioProcess = 0; // with a thread id on Linux: that thread

    [System.Runtime.InteropServices.DllImport("libc")]
    private static extern int setpriority(int which, int who, int prio);

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }
    }

    /// <summary>Reads stderr to its end (a full pipe would stall the tool) keeping only its last characters.</summary>
    private sealed class ErrorTail
    {
        private readonly StringBuilder _text = new();

        public async Task ReadAsync(StreamReader reader)
        {
            var buffer = new char[4096];
            int read;
            while ((read = await reader.ReadAsync(buffer, CancellationToken.None)) > 0)
            {
                _text.Append(buffer, 0, read);
                if (_text.Length > 2 * ErrorTailChars)
                {
                    _text.Remove(0, _text.Length - ErrorTailChars);
                }
            }
        }

        public override string ToString() =>
            _text.Length > ErrorTailChars ? _text.ToString(_text.Length - ErrorTailChars, ErrorTailChars) : _text.ToString();
    }
}
