using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using AssetManager.IntegrationTests.Fixtures;

namespace AssetManager.IntegrationTests.Conventions;

/// <summary>
/// Request and assertion helpers for the contract tests (sections 1-3). Every body read through here is also checked
/// for stack traces, so each error test doubles as a "no stack trace ever" check.
/// </summary>
public static partial class Api
{
    public const string NotFound = """{"detail": "Not found."}""";
    public const string NotAuthenticated = """{"detail": "Authentication credentials were not provided."}""";
    public const string InvalidToken = """{"detail": "Invalid token."}""";
    public const string InvalidPage = """{"detail": "Invalid page."}""";
    public const string Required = "This field is required.";

    public static readonly string[] ProjectFields = ["id", "name", "description", "box_count", "created_at", "updated_at"];
    public static readonly string[] BoxFields = ["id", "project", "name", "description", "asset_count", "created_at", "updated_at"];
    public static readonly string[] PageFields = ["count", "next", "previous", "results"];

    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A JSON request body given as raw text (so tests control exactly what is sent).</summary>
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> SendAsync(this HttpClient http, HttpMethod method, string path, string? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = Json(json);
        return http.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient http, string path, string json) => http.SendAsync(HttpMethod.Post, path, json);
    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient http, string path, string json) => http.SendAsync(HttpMethod.Put, path, json);
    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient http, string path, string json) => http.SendAsync(HttpMethod.Patch, path, json);

    /// <summary>A client with no credentials, or with the given raw Authorization header value.</summary>
    public static HttpClient Anonymous(ApiFactory factory, string? authorization = null)
    {
        var http = factory.CreateRealClient();
        if (authorization is not null) http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        return http;
    }

    /// <summary>POST /api/boxes/{id}/upload/ with one file part, as clients of the original send it.</summary>
    public static Task<HttpResponseMessage> UploadAsync(this HttpClient http, int boxId, byte[]? content = null, string fileName = "picture.png", string path = "")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content ?? SampleFiles.Png());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return http.PostAsync(path.Length > 0 ? path : $"/api/boxes/{boxId}/upload/", form);
    }

    /// <summary>Asserts the status, that the body is JSON without a stack trace, and returns it.</summary>
    public static async Task<JsonElement> BodyAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected} {expected}, got {(int)response.StatusCode} with body: {text}");
        AssertNoLeak(text);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.MediaType ?? "");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts the status and that the body is exactly <paramref name="expectedJson"/>, property order included.</summary>
    public static async Task<JsonElement> AssertJsonAsync(this HttpResponseMessage response, HttpStatusCode expected, string expectedJson)
    {
        var body = await response.BodyAsync(expected);
        AssertJson(expectedJson, body);
        return body;
    }

    /// <summary>Exact JSON equality, including the order of every object's properties.</summary>
    public static void AssertJson(string expectedJson, JsonElement actual)
    {
        using var expected = JsonDocument.Parse(expectedJson);
        Assert.Equal(Canonical(expected.RootElement), Canonical(actual));
    }

    /// <summary>The object's property names, in the order they appear in the raw JSON, are exactly these.</summary>
    public static void AssertKeys(JsonElement obj, params string[] keys)
    {
        Assert.Equal(JsonValueKind.Object, obj.ValueKind);
        Assert.Equal(keys, obj.EnumerateObject().Select(p => p.Name).ToArray());
    }

    /// <summary>ISO 8601 UTC with the Z suffix (sub-second digits allowed); returns the parsed instant.</summary>
    public static DateTimeOffset AssertUtcTimestamp(JsonElement value)
    {
        var text = value.GetString()!;
        Assert.Matches(UtcTimestamp(), text);
        return DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>No response carries a stack trace or an exception's name.</summary>
    public static void AssertNoLeak(string body)
    {
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Data Source=", body, StringComparison.OrdinalIgnoreCase);
    }

    public static async Task AssertStatusAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode} with body: {text}");
        AssertNoLeak(text);
    }

    public static string Canonical(JsonElement element)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Compact)) element.WriteTo(writer);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string InvalidPk(object pk) => $$"""{"project": ["Invalid pk \"{{pk}}\" - object does not exist."]}""";

    /// <summary>Where the disk store (the default when no bucket is configured) keeps an uploaded asset's file.</summary>
    public static string StoredPath(ApiFactory factory, JsonElement asset)
    {
        var url = new Uri(asset.GetProperty("file_url").GetString()!);
        return Path.Combine(factory.MediaRoot, "uploads", Path.GetFileName(url.AbsolutePath));
    }

    public static int Id(this JsonElement element) => element.GetProperty("id").GetInt32();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")]
    private static partial Regex UtcTimestamp();
}
