using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;

namespace AssetManager.EndToEndTests.Fixtures;

/// <summary>
/// A real S3-compatible server: <c>moto_server</c> on a free 127.0.0.1 port (as the integration tests start it),
/// stopped on dispose. Its request log (one line per request, with the method and the status) is kept, so a test can
/// see what reached the store, CORS preflights included, which the browser does not report. Its global CORS is off,
/// so that cross-origin requests are judged by the bucket's CORS rule alone, as on S3 and Ceph RGW.
/// </summary>
public sealed class MotoServer : IAsyncDisposable
{
    public const string AccessKey = "testing";
    public const string SecretKey = "testing";
    public const string Region = "us-east-1";

    private readonly ConcurrentQueue<string> _log = new();
    private Process? _process;

    public int Port { get; } = FreePort();

    /// <summary>The store's origin as a browser sees it, e.g. http://127.0.0.1:41235.</summary>
    public string Endpoint => $"http://127.0.0.1:{Port}";

    /// <summary>moto's request log so far, e.g. <c>"OPTIONS /bucket/uploads/ab12.png?X-Amz-... HTTP/1.1" 200 -</c>.</summary>
    public IReadOnlyList<string> Log => [.. _log];

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("moto_server", ["-H", "127.0.0.1", "-p", Port.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // moto_server otherwise answers every origin itself (flask_cors over the whole app), as no S3 does: only
            // the bucket's CORS rule may decide what a browser can do.
            Environment = { ["MOTO_DISABLE_GLOBAL_CORS"] = "true" },
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("moto_server did not start");
        _process.OutputDataReceived += (_, e) => { if (e.Data is { } line) _log.Enqueue(line); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) _log.Enqueue(line); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"moto_server exited with {_process.ExitCode}");
            try
            {
                using var response = await http.GetAsync(Endpoint);
                return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException("moto_server did not answer within 30 s");
    }

    /// <summary>An S3 client for checking objects directly, configured like the service's.</summary>
    public IAmazonS3 CreateClient() => new AmazonS3Client(new BasicAWSCredentials(AccessKey, SecretKey), new AmazonS3Config
    {
        ServiceURL = Endpoint,
        ForcePathStyle = true,
        AuthenticationRegion = Region,
        RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
    });

    /// <summary>Service settings (the contract's environment variables) for a bucket on this server.</summary>
    public Dictionary<string, string?> SettingsFor(string bucket) => new()
    {
        ["AWS_ACCESS_KEY_ID"] = AccessKey,
        ["AWS_SECRET_ACCESS_KEY"] = SecretKey,
        ["AWS_STORAGE_BUCKET_NAME"] = bucket,
        ["AWS_S3_REGION_NAME"] = Region,
        ["AWS_S3_ENDPOINT_URL"] = Endpoint,
        ["AWS_S3_ADDRESSING_STYLE"] = "path",
        ["AWS_S3_CUSTOM_DOMAIN"] = $"127.0.0.1:{Port}/{bucket}",
        ["AWS_S3_URL_PROTOCOL"] = "http:",
    };

    public async ValueTask DisposeAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
