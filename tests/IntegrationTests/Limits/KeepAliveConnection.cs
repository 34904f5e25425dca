using System.Net.Sockets;
using System.Text;

namespace AssetManager.IntegrationTests.Limits;

/// <summary>One HTTP/1.1 connection kept open between requests, to show that an established connection goes on.</summary>
public sealed class KeepAliveConnection : IDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;

    private KeepAliveConnection(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    public static async Task<KeepAliveConnection> OpenAsync(Uri server)
    {
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(server.Host, server.Port);
        return new KeepAliveConnection(tcp);
    }

    /// <summary>GET /health on this connection; the status of the response, or 0 if the connection fails.</summary>
    public async Task<int> GetHealthAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _stream.WriteAsync("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n"u8.ToArray(), timeout.Token);
            return await ReadStatusAsync(timeout.Token);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
        {
            return 0;
        }
    }

    // Reads the whole response (by its Content-Length, or to the last chunk), so that the next request starts clean.
    private async Task<int> ReadStatusAsync(CancellationToken ct)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        int headEnd;
        while ((headEnd = IndexOf(received, 0, "\r\n\r\n"u8)) < 0)
            if (!await ReceiveAsync(received, buffer, ct)) return 0;
        var head = Encoding.ASCII.GetString(received.ToArray(), 0, headEnd).Split("\r\n");
        var chunked = head.Any(l => l.Equals("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase));
        var length = head.Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(l => int.Parse(l["Content-Length:".Length..].Trim())).FirstOrDefault();
        while (chunked ? IndexOf(received, headEnd, "\r\n0\r\n\r\n"u8) < 0 : received.Count < headEnd + 4 + length)
            if (!await ReceiveAsync(received, buffer, ct)) return 0;
        return int.Parse(head[0].Split(' ')[1]);
    }

    private async Task<bool> ReceiveAsync(List<byte> received, byte[] buffer, CancellationToken ct)
    {
        var read = await _stream.ReadAsync(buffer, ct);
        received.AddRange(buffer.AsSpan(0, read));
        return read > 0;
    }

    private static int IndexOf(List<byte> bytes, int from, ReadOnlySpan<byte> value)
    {
        var at = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes)[from..].IndexOf(value);
        return at < 0 ? at : from + at;
    }

    public void Dispose() => _tcp.Dispose();
}
