using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;

namespace AssetManager.IntegrationTests.Fixtures;

/// <summary>
/// A real S3-compatible server for the tests: <c>moto_server</c> started on a free 127.0.0.1 port, stopped on dispose.
/// Can be stopped and started again on the same port to inject "the store is down" faults.
/// </summary>
public sealed class MotoServer : IAsyncDisposable
{
    public const string AccessKey = "testing";
    public const string SecretKey = "testing";
    public const string Region = "us-east-1";

    private Process? _process;

    public MotoServer()
    {
        Port = FreePort();
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("moto_server", ["-H", "127.0.0.1", "-p", Port.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("moto_server did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
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

    public async Task StopAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
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

    /// <summary>Service settings (as the contract's environment variables) for a bucket on this server.</summary>
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

    public async ValueTask DisposeAsync() => await StopAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
