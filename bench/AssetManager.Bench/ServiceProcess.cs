using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace AssetManager.Bench;

/// <summary>
/// The published service as a child process (<c>dotnet AssetManager.WebApi.dll</c>) against the S3 server, its
/// output in a log file and its PID in <c>service.pid</c> of the work folder (so that <c>run.sh</c> can stop it
/// even if this program dies).
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _pidFile;

    public int Pid => _process.Id;
    public string BaseUrl { get; }
    public string LogFile { get; }

    private ServiceProcess(Process process, string baseUrl, string logFile, string pidFile)
    {
        _process = process;
        BaseUrl = baseUrl;
        LogFile = logFile;
        _pidFile = pidFile;
    }

    public static async Task<ServiceProcess> StartAsync(Options options, long maxUploadBytes, string name, HttpClient http)
    {
        var dll = Path.Combine(options.ServiceDir, "AssetManager.WebApi.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"published service not found: {dll}");
        var dataDir = Path.Combine(options.WorkDir, "service-data");
        Directory.CreateDirectory(dataDir);
        var logFile = Path.Combine(options.WorkDir, $"service-{name}.log");
        var baseUrl = $"http://127.0.0.1:{options.ServicePort}";
        var endpoint = new Uri(options.S3Endpoint);
        var info = new ProcessStartInfo("/bin/sh")
        {
            ArgumentList = { "-c", "exec dotnet \"$0\" --urls \"$1\" >>\"$2\" 2>&1", dll, baseUrl, logFile },
            WorkingDirectory = options.ServiceDir,
            UseShellExecute = false,
        };
        var env = info.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        env["AWS_ACCESS_KEY_ID"] = options.AccessKey;
        env["AWS_SECRET_ACCESS_KEY"] = options.SecretKey;
        env["AWS_STORAGE_BUCKET_NAME"] = options.Bucket;
        env["AWS_S3_ENDPOINT_URL"] = options.S3Endpoint;
        env["AWS_S3_REGION_NAME"] = options.Region;
        env["AWS_S3_ADDRESSING_STYLE"] = "path";
        env["AWS_S3_CUSTOM_DOMAIN"] = $"{endpoint.Authority}/{options.Bucket}";
        env["AWS_S3_URL_PROTOCOL"] = endpoint.Scheme + ":";
        env["AWS_S3_CREATE_BUCKET"] = "true";
        env["MAX_UPLOAD_SIZE"] = maxUploadBytes.ToString(CultureInfo.InvariantCulture);
        env["DataDirectory"] = dataDir;
        // anything the caller exported for the service (GC knobs, Storage__PartSizeBytes, ...) is inherited as usual

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the service");
        var pidFile = Path.Combine(options.WorkDir, "service.pid");
        await File.WriteAllTextAsync(pidFile, process.Id.ToString(CultureInfo.InvariantCulture));
        var service = new ServiceProcess(process, baseUrl, logFile, pidFile);
        try
        {
            await service.WaitHealthyAsync(http);
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
        return service;
    }

    private async Task WaitHealthyAsync(HttpClient http)
    {
        var deadline = Stopwatch.StartNew();
        string last = "";
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"the service exited with code {_process.ExitCode}; log:\n{Tail(LogFile)}");
            try
            {
                using var response = await http.GetAsync(BaseUrl + "/health");
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"the service did not become healthy in 90 s (last: {last}); log:\n{Tail(LogFile)}");
    }

    public static string Tail(string file, int lines = 40)
    {
        try { return string.Join('\n', File.ReadLines(file).TakeLast(lines)); }
        catch (IOException) { return "(no log)"; }
    }

    public long PeakRss => ProcStats.StatusBytes(Pid, "VmHWM") ?? -1;
    public long Rss => ProcStats.StatusBytes(Pid, "VmRSS") ?? -1;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SysKill(int pid, int signal);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            SysKill(_process.Id, 15); // SIGTERM: let the host shut down
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        _process.Dispose();
        File.Delete(_pidFile);
    }
}
