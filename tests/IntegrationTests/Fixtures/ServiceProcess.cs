using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AssetManager.IntegrationTests.Fixtures;

/// <summary>
/// The service as its users run it: <c>dotnet AssetManager.WebApi.dll --urls ...</c> from its build output folder, set
/// up only by environment variables, in a process of its own that a test can kill (-9), start again, give an open-file
/// limit and measure. Without a <c>DataDirectory</c> it gets a temporary one, deleted on dispose.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string? _ownDataDirectory;
    private readonly StringBuilder _output = new();

    private ServiceProcess(Process process, int port, string? ownDataDirectory)
    {
        _process = process;
        _ownDataDirectory = ownDataDirectory;
        Port = port;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public int Id => _process.Id;

    public bool IsAlive => !_process.HasExited;

    /// <summary>Everything the process wrote to standard output and error so far.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>Resident memory now (VmRSS).</summary>
    public long ResidentBytes => StatusKilobytes("VmRSS:") * 1024;

    /// <summary>The most resident memory the process has had (VmHWM).</summary>
    public long PeakResidentBytes => StatusKilobytes("VmHWM:") * 1024;

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

    /// <summary>Starts the service and waits until <c>/health</c> answers.</summary>
    /// <param name="openFileLimit">Both open-file limits (soft and hard), so that the service cannot raise its own.</param>
    public static async Task<ServiceProcess> StartAsync(
        IReadOnlyDictionary<string, string?>? environment = null, string? workingDirectory = null, int? port = null,
        TimeSpan? timeout = null, int? openFileLimit = null)
    {
        var service = Launch(environment ?? new Dictionary<string, string?>(), workingDirectory, port ?? FreePort(), openFileLimit);
        try
        {
            if (!await service.AnswersAsync(timeout ?? TimeSpan.FromSeconds(90)))
                throw new TimeoutException($"the service did not start:\n{service.Output}");
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
        await using var service = Launch(environment, null, FreePort(), null, arguments);
        using var cts = new CancellationTokenSource(timeout);
        await service._process.WaitForExitAsync(cts.Token);
        service._process.WaitForExit(); // flushes the redirected streams
        return (service._process.ExitCode, service.Output);
    }

    /// <summary>True when a new connection gets a 200 (or a 503 from a store that is down) from /health within the time.</summary>
    public async Task<bool> AnswersAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        do
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/health") { Headers = { ConnectionClose = true } };
                using var response = await http.SendAsync(request);
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable) return true;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(100);
        } while (deadline.Elapsed < timeout && IsAlive);
        return false;
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a crash or an out-of-memory kill.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        if (_ownDataDirectory is not null)
            try { Directory.Delete(_ownDataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static ServiceProcess Launch(
        IReadOnlyDictionary<string, string?> environment, string? workingDirectory, int port, int? openFileLimit,
        string[]? arguments = null)
    {
        var dll = Path.Combine(OutputFolder, "AssetManager.WebApi.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("The WebApi is not built", dll);
        var urls = $"http://127.0.0.1:{port}";
        var start = openFileLimit is { } limit
            // sh's ulimit -n sets the soft and the hard limit: the service cannot raise it
            ? new ProcessStartInfo("/bin/sh", ["-c", "ulimit -n \"$2\" && exec dotnet \"$0\" --urls \"$1\"", dll, urls, limit.ToString()])
            : new ProcessStartInfo("dotnet", [dll, .. arguments ?? [], "--urls", urls]);
        start.WorkingDirectory = workingDirectory ?? OutputFolder;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        string? ownDataDirectory = null;
        if (!environment.ContainsKey("DataDirectory"))
        {
            ownDataDirectory = Path.Combine(Path.GetTempPath(), "assetmanager-tests", "process-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(ownDataDirectory);
            start.Environment["DataDirectory"] = ownDataDirectory;
        }
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        return new ServiceProcess(process, port, ownDataDirectory);
    }

    private long StatusKilobytes(string field)
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0]);
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
