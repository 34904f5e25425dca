using System.Net.Sockets;
using System.Text;

namespace AssetManager.IntegrationTests.Fixtures;

/// <summary>One request written byte for byte on a socket, for what HttpClient refuses to send (headers that are not ASCII).</summary>
public static class RawHttp
{
    public sealed record Response(int Status, string Head, string Body);

    public static async Task<Response> SendAsync(Uri baseAddress, byte[] request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(baseAddress.Host, baseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(request);
        using var reader = new MemoryStream();
        await stream.CopyToAsync(reader); // the request says Connection: close
        var text = Encoding.UTF8.GetString(reader.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? text : text[..split];
        var body = split < 0 ? "" : text[(split + 4)..];
        return new Response(int.Parse(head.Split(' ')[1]), head, body);
    }

    /// <summary>A GET whose Authorization header carries <paramref name="authorization"/> as raw bytes.</summary>
    public static byte[] Get(Uri baseAddress, string path, byte[] authorization) =>
    [
        .. Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nConnection: close\r\nAuthorization: "),
        .. authorization,
        .. "\r\n\r\n"u8,
    ];
}
