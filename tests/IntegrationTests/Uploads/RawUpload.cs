using System.Net.Sockets;
using System.Text;

namespace AssetManager.IntegrationTests.Uploads;

/// <summary>
/// An upload written by hand on a raw socket, to do what HttpClient will not: declare a body larger than what is
/// sent, stop half-way, reset the connection, or read the response before the body is finished.
/// </summary>
public sealed class RawUpload : IDisposable
{
    public const string Boundary = "----raw-upload-boundary-7MA4YWxkTrZu0gW";

    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;

    private RawUpload(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    /// <summary>Connects and sends the request head with <paramref name="contentLength"/> declared.</summary>
    public static async Task<RawUpload> StartAsync(Uri baseAddress, string path, string token, long contentLength)
    {
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(baseAddress.Host, baseAddress.Port);
        var upload = new RawUpload(tcp);
        await upload.SendAsync(Encoding.ASCII.GetBytes(
            $"POST {path} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nAuthorization: Token {token}\r\n" +
            $"Content-Type: multipart/form-data; boundary={Boundary}\r\nContent-Length: {contentLength}\r\n\r\n"));
        return upload;
    }

    public static byte[] FilePartHead(string fileName) => Encoding.ASCII.GetBytes(
        $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{fileName}\"\r\n" +
        "Content-Type: application/octet-stream\r\n\r\n");

    public static byte[] FieldPart(string name, string value) => Encoding.UTF8.GetBytes(
        $"--{Boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");

    public static byte[] Closing => Encoding.ASCII.GetBytes($"\r\n--{Boundary}--\r\n");

    /// <summary>A whole multipart body: the file part, then the closing boundary.</summary>
    public static byte[] Body(string fileName, byte[] content) => [.. FilePartHead(fileName), .. content, .. Closing];

    public async Task SendAsync(byte[] bytes)
    {
        const int chunk = 256 * 1024;
        for (var offset = 0; offset < bytes.Length; offset += chunk)
            await _stream.WriteAsync(bytes.AsMemory(offset, Math.Min(chunk, bytes.Length - offset)));
        await _stream.FlushAsync();
    }

    /// <summary>Sends, ignoring a server that already answered and closed.</summary>
    public async Task TrySendAsync(byte[] bytes)
    {
        try
        {
            await SendAsync(bytes);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Reads one response (status, headers, body by Content-Length).</summary>
    public async Task<(int Status, string Headers, string Body)> ReadResponseAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(received)) < 0)
        {
            var read = await _stream.ReadAsync(buffer, cts.Token);
            if (read == 0) throw new IOException("connection closed before a response");
            received.Write(buffer, 0, read);
        }
        var head = Encoding.ASCII.GetString(received.GetBuffer(), 0, headEnd);
        var status = int.Parse(head.Split(' ', 3)[1]);
        var lines = head.Split("\r\n");
        var chunked = lines.Any(l => l.StartsWith("Transfer-Encoding:", StringComparison.OrdinalIgnoreCase) && l.Contains("chunked"));
        var lengthLine = lines.FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var length = lengthLine is null ? 0 : int.Parse(lengthLine["Content-Length:".Length..].Trim());
        bool Complete()
        {
            if (!chunked) return received.Length >= headEnd + 4 + length;
            return received.GetBuffer().AsSpan(headEnd + 4, (int)received.Length - headEnd - 4).IndexOf("0\r\n\r\n"u8) >= 0;
        }
        while (!Complete())
        {
            var read = await _stream.ReadAsync(buffer, cts.Token);
            if (read == 0) break;
            received.Write(buffer, 0, read);
        }
        var raw = received.GetBuffer().AsSpan(headEnd + 4, (int)received.Length - headEnd - 4).ToArray();
        var body = chunked ? Dechunk(raw) : Encoding.UTF8.GetString(raw, 0, Math.Min(length, raw.Length));
        return (status, head, body);
    }

    private static string Dechunk(byte[] raw)
    {
        var text = new MemoryStream();
        var at = 0;
        while (at < raw.Length)
        {
            var lineEnd = raw.AsSpan(at).IndexOf("\r\n"u8);
            if (lineEnd < 0) break;
            var size = Convert.ToInt32(Encoding.ASCII.GetString(raw, at, lineEnd).Split(';')[0].Trim(), 16);
            if (size == 0) break;
            at += lineEnd + 2;
            text.Write(raw, at, Math.Min(size, raw.Length - at));
            at += size + 2;
        }
        return Encoding.UTF8.GetString(text.ToArray());
    }

    /// <summary>Goes away: a reset (RST) when <paramref name="reset"/>, else an orderly close (FIN) of a body cut short.</summary>
    public void Abort(bool reset)
    {
        if (reset) _tcp.Client.LingerState = new LingerOption(true, 0);
        else _tcp.Client.Shutdown(SocketShutdown.Send);
        _tcp.Close();
    }

    public void Dispose() => _tcp.Dispose();

    private static int IndexOfHeadEnd(MemoryStream received)
    {
        var span = received.GetBuffer().AsSpan(0, (int)received.Length);
        return span.IndexOf("\r\n\r\n"u8);
    }
}
