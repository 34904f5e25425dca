using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace AssetManager.Bench;

/// <summary>
/// The one HTTP client both paths share: the same <see cref="SocketsHttpHandler"/>, the same file streaming
/// (<see cref="OpenFileContent"/>), the same timing (request start to the last byte of the response).
/// </summary>
public sealed class Uploader(HttpClient http)
{
    private const int CopyBufferSize = 128 * 1024;

    public HttpClient Http => http;

    public static HttpClient CreateClient(int concurrency) => new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        MaxConnectionsPerServer = Math.Max(concurrency, 2) * 2,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
    })
    {
        Timeout = TimeSpan.FromMinutes(30),
        DefaultRequestVersion = HttpVersion.Version11,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    /// <summary>The file as a request body, read from disk while it is sent (never held in memory).</summary>
    public static StreamContent OpenFileContent(string path, string contentType)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0,
            FileOptions.Asynchronous | FileOptions.SequentialScan);
        var content = new StreamContent(stream, CopyBufferSize);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Headers.ContentLength = stream.Length;
        return content;
    }

    /// <summary>Sends and reads the whole response; returns the elapsed time, the status and the body.</summary>
    public async Task<(TimeSpan Elapsed, HttpStatusCode Status, string Body)> TimedSendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        return (Stopwatch.GetElapsedTime(started), response.StatusCode, body);
    }

    /// <summary>A presigned PUT of the file straight to S3.</summary>
    public async Task<TimeSpan> PutDirectAsync(Uri presignedUrl, string path, string contentType, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, presignedUrl) { Content = OpenFileContent(path, contentType) };
        var (elapsed, status, body) = await TimedSendAsync(request, ct);
        if (status != HttpStatusCode.OK) throw new InvalidOperationException($"direct PUT: {(int)status} {Truncate(body)}");
        return elapsed;
    }

    /// <summary><c>POST /api/boxes/{id}/upload/</c> with the file as the <c>file</c> part of a multipart form.</summary>
    public async Task<(TimeSpan Elapsed, Asset Asset)> UploadViaServiceAsync(
        string baseUrl, string token, int boxId, string path, string contentType, CancellationToken ct)
    {
        var form = new MultipartFormDataContent("----assetmanager-bench-" + Guid.NewGuid().ToString("N"));
        form.Add(OpenFileContent(path, contentType), "file", Path.GetFileName(path));
        form.Add(new StringContent("benchmark upload"), "prompt_text");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{baseUrl}/api/boxes/{boxId}/upload/") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", token);
        var (elapsed, status, body) = await TimedSendAsync(request, ct);
        if (status != HttpStatusCode.Created) throw new InvalidOperationException($"service upload: {(int)status} {Truncate(body)}");
        var asset = JsonSerializer.Deserialize<Asset>(body, Json) ?? throw new InvalidOperationException("empty upload response");
        return (elapsed, asset);
    }

    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async Task<T> PostJsonAsync<T>(string url, object body, string? token, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, options: Json) };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Token", token);
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST {url}: {(int)response.StatusCode} {Truncate(text)}");
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    public async Task DeleteAssetAsync(string baseUrl, string token, int assetId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"{baseUrl}/api/assets/{assetId}/");
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", token);
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode != HttpStatusCode.NoContent)
            throw new InvalidOperationException($"DELETE asset {assetId}: {(int)response.StatusCode}");
    }

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500] + "...";
}

public sealed record Asset(int Id, int Box, string AssetType, string FileUrl);
public sealed record TokenResponse(string Token);
public sealed record IdResponse(int Id);
