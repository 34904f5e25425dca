using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace AssetManager.EndToEndTests.Fixtures;

/// <summary>
/// Talks to the API directly: to set a scene up faster than through the page, and to check that what the page
/// shows is what the server holds.
/// </summary>
public sealed class ApiHelper(Uri baseAddress)
{
    public const string Password = "Sunset-Render-2026!";

    private readonly HttpClient _http = new() { BaseAddress = baseAddress };

    public static string NewUsername(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    public async Task<string> RegisterAsync(string username)
    {
        var response = await _http.PostAsJsonAsync("/api/auth/register/", new { username, password = Password });
        return (await Json(response, HttpStatusCode.Created)).GetProperty("token").GetString()!;
    }

    public async Task<string> LoginAsync(string username)
    {
        var response = await _http.PostAsJsonAsync("/api/auth/token/", new { username, password = Password });
        return (await Json(response, HttpStatusCode.OK)).GetProperty("token").GetString()!;
    }

    public async Task<int> CreateProjectAsync(string token, string name) =>
        (await Json(await Send(HttpMethod.Post, "/api/projects/", token, JsonContent.Create(new { name })), HttpStatusCode.Created))
            .GetProperty("id").GetInt32();

    public async Task<int> CreateBoxAsync(string token, int project, string name) =>
        (await Json(await Send(HttpMethod.Post, "/api/boxes/", token, JsonContent.Create(new { project, name })), HttpStatusCode.Created))
            .GetProperty("id").GetInt32();

    public async Task<JsonElement> UploadAsync(string token, int box, string fileName, byte[] bytes, string prompt = "", bool favorite = false, int? aiModel = null)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", fileName } };
        if (prompt != "") form.Add(new StringContent(prompt), "prompt_text");
        if (favorite) form.Add(new StringContent("true"), "is_favorite");
        if (aiModel is { } model) form.Add(new StringContent(model.ToString()), "ai_model");
        return await Json(await Send(HttpMethod.Post, $"/api/boxes/{box}/upload/", token, form), HttpStatusCode.Created);
    }

    public async Task<JsonElement> GetAssetAsync(string token, int id) =>
        await Json(await Send(HttpMethod.Get, $"/api/assets/{id}/", token), HttpStatusCode.OK);

    /// <summary>The asset once the server has made its renditions or given up on them (processing no longer "pending").</summary>
    public async Task<JsonElement> WaitUntilProcessedAsync(string token, int id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var asset = await GetAssetAsync(token, id);
            if (asset.GetProperty("processing").GetString() != "pending") return asset;
            Assert.True(DateTime.UtcNow < deadline, $"Asset {id} is still pending after 30 s");
            await Task.Delay(200);
        }
    }

    public async Task<List<JsonElement>> ListAssetsAsync(string token, int box) =>
        (await Json(await Send(HttpMethod.Get, $"/api/boxes/{box}/assets/?page_size=200", token), HttpStatusCode.OK))
            .GetProperty("results").EnumerateArray().ToList();

    public async Task<HttpStatusCode> MeStatusAsync(string token) => (await Send(HttpMethod.Get, "/api/auth/me/", token)).StatusCode;

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, string token, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", token);
        return await _http.SendAsync(request);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
