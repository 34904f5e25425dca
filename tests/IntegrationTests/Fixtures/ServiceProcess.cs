using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AssetManager.IntegrationTests.Fixtures;

/// <summary>
/// The service as its users run it: <c>dotnet AssetManager.WebApi.dll --urls ...</c> from its build output folder, set
/// up only by environment variables, in a process of its own that a test can kill (-9) and start again.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServiceProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process wrote to standard output and error so far.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>The WebApi's build output folder of the configuration the tests were built in.</summary>
    public static string OutputFolder
    {
        get
        {
            var testOutput = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
            var framework = Path.GetFileName(testOutput);
            var configuration = Path.GetFileName(Path.GetDirectoryName(testOutput)!);
            return Path.Combine(RepositoryRoot, "src", "WebApi", "bin", configuration, framework);
        }
    }

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "AssetManager.sln"))) return dir.FullName;
            throw new InvalidOperationException("AssetManager.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Starts the service and waits until it answers <c>/health/live</c> (or <c>/health</c>).</summary>
    public static async Task<ServiceProcess> StartAsync(
        IReadOnlyDictionary<string, string?> environment, string? workingDirectory = null, int? port = null, TimeSpan? timeout = null)
    {
        var service = Launch(environment, workingDirectory, port ?? FreePort());
        try
        {
            await service.WaitUntilAnsweringAsync(timeout ?? TimeSpan.FromSeconds(60));
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the service (with <paramref name="arguments"/> first, e.g. a verb) and waits for it to exit by itself; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(
        IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, params string[] arguments)
    {
        await using var service = Launch(environment, null, FreePort(), arguments);
        using var cts = new CancellationTokenSource(timeout);
        await service._process.WaitForExitAsync(cts.Token);
        service._process.WaitForExit(); // flushes the redirected streams
        return (service._process.ExitCode, service.Output);
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a crash or an out-of-memory kill.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>The process's resident memory now (VmRSS) and at its peak (VmHWM), in bytes.</summary>
    public (long Resident, long Peak) Memory()
    {
        long Read(string field) => File.ReadLines($"/proc/{_process.Id}/status")
            .Where(l => l.StartsWith(field + ":", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024)
            .First();
        return (Read("VmRSS"), Read("VmHWM"));
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private static ServiceProcess Launch(
        IReadOnlyDictionary<string, string?> environment, string? workingDirectory, int port, string[]? arguments = null)
    {
        var dll = Path.Combine(OutputFolder, "AssetManager.WebApi.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("The WebApi is not built", dll);
        var start = new ProcessStartInfo("dotnet", [dll, .. arguments ?? [], "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = workingDirectory ?? OutputFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        return new ServiceProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"), port);
    }

    private async Task WaitUntilAnsweringAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"the service exited with {_process.ExitCode}:\n{Output}");
            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "/health"));
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"the service did not answer within {timeout}:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
