using System.Net.Sockets;
using System.Text;
using AssetManager.IntegrationTests.Fixtures;

namespace AssetManager.IntegrationTests.Limits;

/// <summary>
/// "Form fields multiply memory": an upload with 800 fields of 1 MiB before its file took the service from 145 MB to
/// 2.4 GB resident. The fields besides the file are now refused past 2.5 MiB in all, so the service's peak stays
/// where it was, measured on the service as a process of its own (its VmHWM).
/// </summary>
public sealed class FieldMemoryTests
{
    private const int Fields = 800;
    private const int FieldBytes = 1024 * 1024;
    private const long MemoryBound = 100L * 1024 * 1024;
    private const string Boundary = "----field-memory-boundary";

    [Fact]
    public async Task An_upload_with_800_fields_of_1_MiB_is_refused_and_the_peak_memory_stays_flat()
    {
        await using var service = await ServiceProcess.StartAsync(openFileLimit: 4096);
        var user = await ApiClient.RegisterAsync(new HttpClient { BaseAddress = service.BaseAddress });
        var box = await user.CreateBoxAsync();
        var peakBefore = service.PeakResidentBytes;

        var (status, body) = await UploadWithFieldsAsync(service.BaseAddress, user.Token, box);

        var peakAfter = service.PeakResidentBytes;
        Assert.True(peakAfter - peakBefore < MemoryBound,
            $"the service's peak resident memory went from {peakBefore >> 20} MiB to {peakAfter >> 20} MiB");
        Assert.Equal(400, status);
        Assert.Contains("""{"error":"The form's fields are larger than 2621440 bytes in all"}""", body); // one chunk
        Assert.True(service.IsAlive);
    }

    /// <summary>Sends the fields (then the file) while reading the response, and stops sending once it has come.</summary>
    private static async Task<(int Status, string Body)> UploadWithFieldsAsync(Uri server, string token, int box)
    {
        var field = Encoding.ASCII.GetBytes(new string('x', FieldBytes) + "\r\n");
        byte[] Head(int i) => Encoding.ASCII.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"f{i}\"\r\n\r\n");
        var tail = Encoding.ASCII.GetBytes(
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\n" +
            Encoding.Latin1.GetString(SampleFiles.Png()) + $"\r\n--{Boundary}--\r\n");
        var length = Enumerable.Range(0, Fields).Sum(i => (long)Head(i).Length + field.Length) + tail.Length;

        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /api/boxes/{box}/upload/ HTTP/1.1\r\nHost: {server.Authority}\r\nAuthorization: Token {token}\r\n" +
            $"Content-Type: multipart/form-data; boundary={Boundary}\r\nContent-Length: {length}\r\n\r\n"));
        using var stop = new CancellationTokenSource();
        var sending = Task.Run(async () =>
        {
            for (var i = 0; i < Fields; i++)
            {
                await stream.WriteAsync(Head(i), stop.Token);
                await stream.WriteAsync(field, stop.Token);
            }
            await stream.WriteAsync(tail, stop.Token);
        });

        var response = new StringBuilder();
        var buffer = new byte[64 * 1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!response.ToString().Contains("\"}") && await stream.ReadAsync(buffer, timeout.Token) is var read and > 0)
            response.Append(Encoding.UTF8.GetString(buffer, 0, read));
        await stop.CancelAsync();
        try { await sending; } catch (Exception e) when (e is IOException or OperationCanceledException or SocketException) { }

        var text = response.ToString();
        return (int.Parse(text.Split(' ', 3)[1]), text[(text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
    }
}
