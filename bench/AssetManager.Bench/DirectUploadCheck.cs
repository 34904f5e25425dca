using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace AssetManager.Bench;

/// <summary>
/// The direct upload of issue "More ways in" against a store that checks signatures (RGW): a single PUT with the
/// headers the service signed into the URL, a second PUT to the same URL refused (If-None-Match), a PUT of more bytes
/// than announced refused (Content-Length), and a multipart
/// upload in presigned parts; each completed into an asset. Not a measurement, a check, timed for the record.
/// </summary>
public sealed class DirectUploadCheck(Uploader client)
{
    private readonly List<string> _lines = [];
    public List<int> Assets { get; } = [];

    public async Task RunAsync(ServiceProcess service, string token, int boxId, string smallFile, string largeFile, CancellationToken ct)
    {
        var single = await AskAsync(service, token, boxId, "direct.png", smallFile, ct);
        var clock = Stopwatch.StartNew();
        using (var put = Put((string)single.GetProperty("url").GetString()!, smallFile, single.GetProperty("headers")))
            await Send(put, HttpStatusCode.OK, "single PUT", ct);
        Assets.Add(await CompleteAsync(service, token, boxId, single, null, ct));
        _lines.Add($"single presigned PUT of {Options.FormatSize(new FileInfo(smallFile).Length)} with its signed headers, completed: {clock.Elapsed.TotalSeconds:F3} s");
        using (var again = Put((string)single.GetProperty("url").GetString()!, smallFile, single.GetProperty("headers")))
            await Send(again, HttpStatusCode.PreconditionFailed, "second PUT to the same URL", ct);
        _lines.Add("a second PUT to the same URL after the completion: 412 (If-None-Match: * signed in)");

        var other = await AskAsync(service, token, boxId, "larger.png", smallFile, ct);
        using (var larger = Put((string)other.GetProperty("url").GetString()!,
                   new ByteArrayContent([.. await File.ReadAllBytesAsync(smallFile, ct), 0]), other.GetProperty("headers")))
            await Send(larger, HttpStatusCode.Forbidden, "a PUT of one byte more than announced", ct);
        _lines.Add("a PUT of one byte more than the size announced: 403 (Content-Length signed in)");

        var multipart = await AskAsync(service, token, boxId, "direct.mp4", largeFile, ct);
        var partSize = multipart.GetProperty("part_size").GetInt64();
        var parts = new List<object>();
        clock.Restart();
        foreach (var part in multipart.GetProperty("parts").EnumerateArray())
        {
            var number = part.GetProperty("part_number").GetInt32();
            var length = Math.Min(partSize, new FileInfo(largeFile).Length - (number - 1) * partSize);
            var bytes = new byte[length];
            await using (var source = File.OpenRead(largeFile))
            {
                source.Seek((number - 1) * partSize, SeekOrigin.Begin);
                await source.ReadExactlyAsync(bytes, ct);
            }
            using var request = new HttpRequestMessage(HttpMethod.Put, part.GetProperty("url").GetString()) { Content = new ByteArrayContent(bytes) };
            using var response = await client.Http.SendAsync(request, ct);
            if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"part {number}: {(int)response.StatusCode}");
            parts.Add(new { part_number = number, etag = response.Headers.ETag!.Tag });
        }
        Assets.Add(await CompleteAsync(service, token, boxId, multipart, parts, ct));
        _lines.Add($"multipart: {parts.Count} presigned parts of {Options.FormatSize(partSize)} for {Options.FormatSize(new FileInfo(largeFile).Length)}, completed: {clock.Elapsed.TotalSeconds:F3} s");
    }

    private async Task<JsonElement> AskAsync(ServiceProcess service, string token, int boxId, string name, string file, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{service.BaseUrl}/api/boxes/{boxId}/upload-url/")
        {
            Content = JsonContent.Create(new { filename = name, size = new FileInfo(file).Length }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", token);
        var (_, status, body) = await client.TimedSendAsync(request, ct);
        if (status != HttpStatusCode.Created) throw new InvalidOperationException($"upload-url: {(int)status} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<int> CompleteAsync(ServiceProcess service, string token, int boxId, JsonElement target, List<object>? parts, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{service.BaseUrl}/api/boxes/{boxId}/upload-complete/")
        {
            // "parts" only for a multipart upload: the API, as DRF, refuses null for a field that may be left out
            Content = parts is null
                ? JsonContent.Create(new { upload_id = target.GetProperty("upload_id").GetString() })
                : JsonContent.Create(new { upload_id = target.GetProperty("upload_id").GetString(), parts }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", token);
        var (_, status, body) = await client.TimedSendAsync(request, ct);
        if (status != HttpStatusCode.Created) throw new InvalidOperationException($"upload-complete: {(int)status} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt32();
    }

    private static HttpRequestMessage Put(string url, string file, JsonElement headers) =>
        Put(url, Uploader.OpenFileContent(file, "application/octet-stream"), headers);

    private static HttpRequestMessage Put(string url, HttpContent content, JsonElement headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = content };
        foreach (var header in headers.EnumerateObject())
        {
            // a request header (Cache-Control, If-None-Match) goes on the request; a content header replaces the content's own
            if (request.Headers.TryAddWithoutValidation(header.Name, header.Value.GetString())) continue;
            request.Content.Headers.Remove(header.Name);
            request.Content.Headers.TryAddWithoutValidation(header.Name, header.Value.GetString());
        }
        return request;
    }

    private async Task Send(HttpRequestMessage request, HttpStatusCode expected, string what, CancellationToken ct)
    {
        using var response = await client.Http.SendAsync(request, ct);
        if (response.StatusCode != expected)
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
    }

    public string Markdown()
    {
        var md = new StringBuilder();
        md.AppendLine("## Direct upload on a store that checks signatures");
        md.AppendLine();
        foreach (var line in _lines) md.AppendLine($"- {line}");
        md.AppendLine();
        return md.ToString();
    }
}
