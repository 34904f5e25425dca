using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AssetManager.IntegrationTests.Fixtures;

/// <summary>
/// A small HTTP server for the import tests, on one port of 127.0.0.1 and [::1] (loopback only): files a test
/// publishes, redirects, chains of redirects, any status, answers that stall, bodies that break off. Every path it is
/// asked for is recorded, so a test can tell that a refused URL was never requested.
/// </summary>
public sealed class LocalFileServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (byte[] Bytes, string? ContentType, string? Disposition)> _files = new();
    private readonly ConcurrentQueue<string> _requested = new();

    private LocalFileServer(int port)
    {
        Port = port;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.Listen(IPAddress.IPv6Loopback, port);
        });
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            _requested.Enqueue(context.Request.Path + context.Request.QueryString);
            await next(context);
        });
        _app.MapGet("/files/{name}", (string name, HttpContext http) => ServeAsync(name, http));
        _app.MapGet("/redirect", (string to, int? status) => Results.Redirect(to, permanent: status is 301 or 308, preserveMethod: status is 307 or 308));
        _app.MapGet("/chain/{n:int}/{name}", (int n, string name, HttpContext http) =>
            n > 0 ? Task.FromResult(Results.Redirect($"/chain/{n - 1}/{name}")) : Task.FromResult<IResult>(new FileResult(this, name)));
        _app.MapGet("/status/{code:int}", (int code) => Results.StatusCode(code));
        _app.MapGet("/stall-headers", async (CancellationToken ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(60), ct);
            return Results.Ok();
        });
        _app.MapGet("/stall-body/{name}", async (string name, HttpContext http) =>
        {
            await WriteHalfAsync(name, http);
            await Task.Delay(TimeSpan.FromSeconds(60), http.RequestAborted);
        });
        _app.MapGet("/break-off/{name}", async (string name, HttpContext http) =>
        {
            await WriteHalfAsync(name, http);
            http.Abort();
        });
    }

    public int Port { get; }

    /// <summary>http://127.0.0.1:PORT</summary>
    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public IReadOnlyCollection<string> Requested => _requested.ToArray();

    public static LocalFileServer Start()
    {
        var server = new LocalFileServer(ServiceProcess.FreePort());
        server._app.StartAsync().GetAwaiter().GetResult();
        return server;
    }

    /// <summary>Serves <paramref name="bytes"/> at <c>/files/NAME</c> with the given headers; returns the URL.</summary>
    public string Publish(string name, byte[] bytes, string? contentType = "application/octet-stream", string? disposition = null)
    {
        _files[name] = (bytes, contentType, disposition);
        return $"{BaseUrl}/files/{Uri.EscapeDataString(name)}";
    }

    private async Task ServeAsync(string name, HttpContext http)
    {
        if (!_files.TryGetValue(name, out var file))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        if (file.ContentType is not null) http.Response.ContentType = file.ContentType;
        if (file.Disposition is not null) http.Response.Headers.ContentDisposition = file.Disposition;
        http.Response.ContentLength = file.Bytes.Length;
        await http.Response.Body.WriteAsync(file.Bytes, http.RequestAborted);
    }

    /// <summary>Declares the whole file's length and sends the first half of it.</summary>
    private async Task WriteHalfAsync(string name, HttpContext http)
    {
        var bytes = _files[name].Bytes;
        http.Response.ContentType = "image/png";
        http.Response.ContentLength = bytes.Length;
        await http.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
    }

    private sealed class FileResult(LocalFileServer server, string name) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => server.ServeAsync(name, httpContext);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
