using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AssetManager.IntegrationTests.Fixtures;

/// <summary>
/// The service as a child process (<c>dotnet AssetManager.WebApi.dll</c> from the tests' output folder), with its own
/// open-file limit, for what a server inside the test process cannot show: whether the process survives, and how
/// much memory it holds. Its data and log live in a temporary folder, deleted on dispose with the process killed.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDirectory;
    private readonly string _logFile;

    private ServiceProcess(Process process, Uri baseAddress, string dataDirectory, string logFile)
    {
        _process = process;
        BaseAddress = baseAddress;
        _dataDirectory = dataDirectory;
        _logFile = logFile;
    }

    public Uri BaseAddress { get; }

    public bool IsAlive => !_process.HasExited;

    /// <summary>Resident memory now (VmRSS).</summary>
    public long ResidentBytes => StatusKilobytes("VmRSS:") * 1024;

    /// <summary>The most resident memory the process has had (VmHWM).</summary>
    public long PeakResidentBytes => StatusKilobytes("VmHWM:") * 1024;

    /// <summary>The process's output so far, for assertion messages.</summary>
    public string Log => File.Exists(_logFile) ? File.ReadAllText(_logFile) : "";

    /// <summary>Starts the service with both open-file limits (soft and hard) at <paramref name="openFileLimit"/>.</summary>
    public static async Task<ServiceProcess> StartAsync(int openFileLimit)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "assetmanager-tests", "process-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var logFile = Path.Combine(dataDirectory, "service.log");
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var dll = Path.Combine(AppContext.BaseDirectory, "AssetManager.WebApi.dll");
        var info = new ProcessStartInfo("/bin/sh")
        {
            // sh's ulimit -n sets the soft and the hard limit: the service cannot raise it
            ArgumentList = { "-c", "ulimit -n \"$3\" && exec dotnet \"$0\" --urls \"$1\" >\"$2\" 2>&1",
                dll, baseAddress.ToString().TrimEnd('/'), logFile, openFileLimit.ToString() },
            WorkingDirectory = AppContext.BaseDirectory,
            UseShellExecute = false,
        };
        info.Environment["DataDirectory"] = dataDirectory;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var service = new ServiceProcess(Process.Start(info)!, baseAddress, dataDirectory, logFile);
        try
        {
            await service.WaitHealthyAsync();
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
        return service;
    }

    /// <summary>True when a new connection gets a 200 from /health within <paramref name="timeout"/>.</summary>
    public async Task<bool> AnswersAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        do
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/health") { Headers = { ConnectionClose = true } };
                if ((await http.SendAsync(request)).StatusCode == HttpStatusCode.OK) return true;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(200);
        } while (deadline.Elapsed < timeout && IsAlive);
        return false;
    }

    private async Task WaitHealthyAsync()
    {
        if (!await AnswersAsync(TimeSpan.FromSeconds(90)))
            throw new InvalidOperationException($"the service did not start:\n{Log}");
    }

    private long StatusKilobytes(string field)
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0]);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
