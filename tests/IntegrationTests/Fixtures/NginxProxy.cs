using System.Diagnostics;
using System.Text.RegularExpressions;

namespace AssetManager.IntegrationTests.Fixtures;

/// <summary>
/// Debian's nginx on a free loopback port in front of the given instances, configured by the repository's own
/// deploy/nginx/assetmanager.conf (only its ports changed), with an access log that names the instance of each request.
/// </summary>
public sealed partial class NginxProxy : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private NginxProxy(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>The instance address ("127.0.0.1:PORT") each request went to, in order.</summary>
    public IReadOnlyList<string> Upstreams() =>
        File.Exists(AccessLog) ? File.ReadAllLines(AccessLog).Select(l => l.Split(' ')[0]).ToList() : [];

    private string AccessLog => Path.Combine(_folder, "access.log");

    public static async Task<NginxProxy> StartAsync(params int[] instancePorts)
    {
        var nginx = File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
        var folder = Path.Combine(Path.GetTempPath(), "assetmanager-tests", "nginx-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111); // its workers may run as nobody
        var port = ServiceProcess.FreePort();
        var site = File.ReadAllText(Path.Combine(ServiceProcess.RepositoryRoot, "deploy", "nginx", "assetmanager.conf"));
        site = UpstreamServers().Replace(site, _ => string.Concat(instancePorts.Select(p => $"    server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;\n")), 1);
        site = ListenLine().Replace(site, $"listen 127.0.0.1:{port};");
        File.WriteAllText(Path.Combine(folder, "assetmanager.conf"), site);
        File.WriteAllText(Path.Combine(folder, "nginx.conf"), $$"""
            {{(Environment.UserName == "root" ? "user nobody nogroup;" : "")}}
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 256; }
            http {
                log_format upstream '$upstream_addr $request_method $uri $status';
                access_log {{folder}}/access.log upstream;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{folder}}/assetmanager.conf;
            }
            """);
        var start = new ProcessStartInfo(nginx, ["-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-g", "daemon off;"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start");
        var proxy = new NginxProxy(process, folder, port);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"nginx exited: {await process.StandardError.ReadToEndAsync()} {File.ReadAllText(Path.Combine(folder, "error.log"))}");
            try
            {
                await http.GetAsync(new Uri(proxy.BaseAddress, "/health/live"));
                return proxy;
            }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        await proxy.DisposeAsync();
        throw new TimeoutException("nginx did not answer");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [GeneratedRegex(@"(    server 127\.0\.0\.1:\d+[^\n]*\n?)+")]
    private static partial Regex UpstreamServers();

    [GeneratedRegex(@"listen \d+;")]
    private static partial Regex ListenLine();
}
