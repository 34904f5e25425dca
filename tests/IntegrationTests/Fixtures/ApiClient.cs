using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace AssetManager.IntegrationTests.Fixtures;

/// <summary>A signed-in user of the API, with helpers for the set-up most tests need.</summary>
public sealed class ApiClient(HttpClient http, string token, int userId, string username)
{
    public HttpClient Http { get; } = http;
    public string Token { get; } = token;
    public int UserId { get; } = userId;
    public string Username { get; } = username;

    public static Task<ApiClient> RegisterAsync(ApiFactory factory, string? username = null) =>
        RegisterAsync(factory.CreateRealClient(), username);

    /// <summary>Registers through <paramref name="http"/> (a client of any running service), which the user then keeps.</summary>
    public static async Task<ApiClient> RegisterAsync(HttpClient http, string? username = null)
    {
        username ??= "user" + Guid.NewGuid().ToString("N")[..10];
        var response = await http.PostAsJsonAsync("/api/auth/register/", new { username, password = "Str0ng!Passw0rd" });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var token = body.GetProperty("token").GetString()!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", token);
        return new ApiClient(http, token, body.GetProperty("id").GetInt32(), username);
    }

    public async Task<int> CreateProjectAsync(string name = "Film")
    {
        var response = await Http.PostAsJsonAsync("/api/projects/", new { name });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    public async Task<int> CreateBoxAsync(int projectId, string name = "Scene 1")
    {
        var response = await Http.PostAsJsonAsync("/api/boxes/", new { project = projectId, name });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    public async Task<int> CreateBoxAsync() => await CreateBoxAsync(await CreateProjectAsync());
}
