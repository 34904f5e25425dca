using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AssetManager.IntegrationTests.Fixtures;

namespace AssetManager.IntegrationTests.Conventions;

/// <summary>
/// Contract section 1: routes with and without the trailing slash, unknown routes, wrong methods, unreadable bodies,
/// and no stack trace in any answer.
/// </summary>
public sealed class RouteConventionTests(SharedApi api) : IClassFixture<SharedApi>
{
    private const string Password = "Str0ng!Passw0rd";

    private readonly ApiFactory factory = api.Factory;

    /// <summary>A client that does not follow redirects: "works without the slash" means it is served, not redirected.</summary>
    private HttpClient NoRedirects(string? token = null)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = factory.BaseAddress };
        if (token is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", token);
        return http;
    }

    [Fact]
    public async Task Every_route_works_without_the_trailing_slash()
    {
        var anonymous = NoRedirects();
        var name = "slash" + Guid.NewGuid().ToString("N")[..10];
        var registered = await (await anonymous.PostJsonAsync("/api/auth/register", $$"""{"username": "{{name}}", "password": "{{Password}}"}"""))
            .BodyAsync(HttpStatusCode.Created);
        Api.AssertKeys(registered, "id", "username", "email", "token");
        var token = (await (await anonymous.PostJsonAsync("/api/auth/token", $$"""{"username": "{{name}}", "password": "{{Password}}"}"""))
            .BodyAsync(HttpStatusCode.OK)).GetProperty("token").GetString()!;
        var http = NoRedirects(token);

        Assert.Equal(name, (await (await http.GetAsync("/api/auth/me")).BodyAsync(HttpStatusCode.OK)).GetProperty("username").GetString());

        var project = await (await http.PostJsonAsync("/api/projects", """{"name": "No slash"}""")).BodyAsync(HttpStatusCode.Created);
        var p = project.Id();
        Assert.Equal(1, (await (await http.GetAsync("/api/projects")).BodyAsync(HttpStatusCode.OK)).GetProperty("count").GetInt32());
        Assert.Equal(p, (await (await http.GetAsync($"/api/projects/{p}")).BodyAsync(HttpStatusCode.OK)).Id());
        Assert.Equal("Put", (await (await http.PutJsonAsync($"/api/projects/{p}", """{"name": "Put"}""")).BodyAsync(HttpStatusCode.OK)).GetProperty("name").GetString());
        Assert.Equal("Patch", (await (await http.PatchJsonAsync($"/api/projects/{p}", """{"name": "Patch"}""")).BodyAsync(HttpStatusCode.OK)).GetProperty("name").GetString());

        var box = await (await http.PostJsonAsync("/api/boxes", $$"""{"project": {{p}}, "name": "Scene"}""")).BodyAsync(HttpStatusCode.Created);
        var b = box.Id();
        Assert.Equal(1, (await (await http.GetAsync("/api/boxes")).BodyAsync(HttpStatusCode.OK)).GetProperty("count").GetInt32());
        Assert.Equal(1, (await (await http.GetAsync($"/api/boxes?project={p}")).BodyAsync(HttpStatusCode.OK)).GetProperty("count").GetInt32());
        Assert.Equal(b, (await (await http.GetAsync($"/api/boxes/{b}")).BodyAsync(HttpStatusCode.OK)).Id());
        Assert.Equal("Put", (await (await http.PutJsonAsync($"/api/boxes/{b}", $$"""{"project": {{p}}, "name": "Put"}""")).BodyAsync(HttpStatusCode.OK)).GetProperty("name").GetString());
        Assert.Equal("Patch", (await (await http.PatchJsonAsync($"/api/boxes/{b}", """{"name": "Patch"}""")).BodyAsync(HttpStatusCode.OK)).GetProperty("name").GetString());

        var asset = await (await http.UploadAsync(b, path: $"/api/boxes/{b}/upload")).BodyAsync(HttpStatusCode.Created);
        var a = asset.Id();
        Assert.Equal(1, (await (await http.GetAsync($"/api/boxes/{b}/assets")).BodyAsync(HttpStatusCode.OK)).GetProperty("count").GetInt32());
        Assert.Equal(1, (await (await http.GetAsync("/api/assets")).BodyAsync(HttpStatusCode.OK)).GetProperty("count").GetInt32());
        Assert.Equal(a, (await (await http.GetAsync($"/api/assets/{a}")).BodyAsync(HttpStatusCode.OK)).Id());
        Assert.True((await (await http.PatchJsonAsync($"/api/assets/{a}", """{"is_favorite": true}""")).BodyAsync(HttpStatusCode.OK)).GetProperty("is_favorite").GetBoolean());

        Assert.True((await (await http.GetAsync("/api/ai-models")).BodyAsync(HttpStatusCode.OK)).GetProperty("count").GetInt32() >= 8);
        Assert.Equal(1, (await (await http.GetAsync("/api/ai-models/1")).BodyAsync(HttpStatusCode.OK)).Id());

        await (await http.DeleteAsync($"/api/assets/{a}")).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await http.DeleteAsync($"/api/boxes/{b}")).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await http.DeleteAsync($"/api/projects/{p}")).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await http.PostAsync("/api/auth/logout", null)).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await http.GetAsync("/api/auth/me")).AssertJsonAsync(HttpStatusCode.Unauthorized, Api.InvalidToken);
    }

    [Theory]
    [InlineData("/api/nothing/")]
    [InlineData("/api/nothing")]
    [InlineData("/api/")]
    [InlineData("/api")]
    [InlineData("/nothing")]
    [InlineData("/api/projects/1/nothing/")]
    [InlineData("/api/auth/")]
    [InlineData("/api/ai-models/1/boxes/")]
    public async Task Unknown_route_is_404_not_found(string path)
    {
        var user = await api.UserAsync();

        await (await user.Http.GetAsync(path)).AssertJsonAsync(HttpStatusCode.NotFound, Api.NotFound);
        await (await user.Http.PostJsonAsync(path, "{}")).AssertJsonAsync(HttpStatusCode.NotFound, Api.NotFound);
        await (await Api.Anonymous(factory).GetAsync(path)).AssertJsonAsync(HttpStatusCode.NotFound, Api.NotFound);
    }

    [Theory]
    [InlineData("DELETE", "/api/projects/")]
    [InlineData("DELETE", "/api/projects")]
    [InlineData("PUT", "/api/projects/")]
    [InlineData("PATCH", "/api/projects/")]
    [InlineData("POST", "/api/projects/{project}/")]
    [InlineData("DELETE", "/api/boxes/")]
    [InlineData("PUT", "/api/boxes/")]
    [InlineData("POST", "/api/boxes/{box}/")]
    [InlineData("POST", "/api/boxes/{box}/assets/")]
    [InlineData("GET", "/api/boxes/{box}/upload/")]
    [InlineData("GET", "/api/boxes/{box}/upload")]
    [InlineData("DELETE", "/api/ai-models/")]
    [InlineData("POST", "/api/ai-models/1/")]
    [InlineData("GET", "/api/auth/logout/")]
    [InlineData("POST", "/api/auth/me/")]
    [InlineData("DELETE", "/api/auth/me/")]
    [InlineData("GET", "/api/auth/token/")]
    [InlineData("GET", "/api/auth/register/")]
    [InlineData("PUT", "/api/auth/register")]
    public async Task Wrong_method_is_405_with_the_method_named(string method, string template)
    {
        var user = await api.UserAsync();
        var project = await user.CreateProjectAsync();
        var box = await user.CreateBoxAsync(project);
        var path = template.Replace("{project}", project.ToString()).Replace("{box}", box.ToString());

        var response = await user.Http.SendAsync(new HttpMethod(method), path, method is "GET" or "DELETE" ? null : """{"name": "x"}""");

        await response.AssertJsonAsync(HttpStatusCode.MethodNotAllowed, $$"""{"detail": "Method \"{{method}}\" not allowed."}""");
    }

    [Theory]
    [InlineData("GET", "/api/auth/token/")]
    [InlineData("GET", "/api/auth/register/")]
    public async Task Wrong_method_on_a_public_route_is_405_for_anyone(string method, string path)
    {
        var response = await Api.Anonymous(factory).SendAsync(new HttpMethod(method), path);

        await response.AssertJsonAsync(HttpStatusCode.MethodNotAllowed, $$"""{"detail": "Method \"{{method}}\" not allowed."}""");
    }

    [Fact]
    public async Task Wrong_method_on_a_protected_route_without_a_token_is_401_first_as_in_drf()
    {
        var response = await Api.Anonymous(factory).DeleteAsync("/api/projects/");

        await response.AssertJsonAsync(HttpStatusCode.Unauthorized, Api.NotAuthenticated);
        Assert.Equal("Token", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("POST", "/api/projects/")]
    [InlineData("PUT", "/api/projects/{project}/")]
    [InlineData("PATCH", "/api/projects/{project}/")]
    [InlineData("POST", "/api/boxes/")]
    [InlineData("PUT", "/api/boxes/{box}/")]
    [InlineData("PATCH", "/api/boxes/{box}/")]
    [InlineData("POST", "/api/auth/register/")]
    [InlineData("POST", "/api/auth/token/")]
    public async Task Malformed_json_is_400_json_parse_error(string method, string template)
    {
        var user = await api.UserAsync();
        var project = await user.CreateProjectAsync();
        var box = await user.CreateBoxAsync(project);
        var path = template.Replace("{project}", project.ToString()).Replace("{box}", box.ToString());

        foreach (var bad in new[] { """{"name": "x",""", "{bad json}", "{\"name\": 'single'}", "nul" })
        {
            var body = await (await user.Http.SendAsync(new HttpMethod(method), path, bad)).BodyAsync(HttpStatusCode.BadRequest);
            Api.AssertKeys(body, "detail");
            Assert.StartsWith("JSON parse error", body.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task Json_that_is_not_utf8_is_400_json_parse_error()
    {
        var user = await api.UserAsync();
        var project = await user.CreateProjectAsync();
        byte[] bad = [.. "{\"name\": \""u8, 0xFF, 0xFE, (byte)'"', (byte)'}'];

        foreach (var (method, path) in new[] { ("POST", "/api/projects/"), ("PATCH", $"/api/projects/{project}/"), ("POST", "/api/auth/token/") })
        {
            var content = new ByteArrayContent(bad) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
            var body = await (await user.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = content }))
                .BodyAsync(HttpStatusCode.BadRequest);
            Api.AssertKeys(body, "detail");
            Assert.StartsWith("JSON parse error", body.GetProperty("detail").GetString());
        }
    }

    [Theory]
    [InlineData("[]", "list")]
    [InlineData("\"text\"", "str")]
    [InlineData("42", "int")]
    [InlineData("true", "bool")]
    public async Task Json_that_is_not_an_object_is_400_non_field_errors(string json, string type)
    {
        var user = await api.UserAsync();

        await (await user.Http.PostJsonAsync("/api/projects/", json)).AssertJsonAsync(HttpStatusCode.BadRequest,
            $$"""{"non_field_errors": ["Invalid data. Expected a dictionary, but got {{type}}."]}""");
    }

    [Theory]
    [InlineData("/api/projects/")]
    [InlineData("/api/boxes/")]
    [InlineData("/api/auth/register/")]
    [InlineData("/api/auth/token/")]
    public async Task Unsupported_media_type_is_415_with_a_detail(string path)
    {
        var user = await api.UserAsync();

        var response = await user.Http.PostAsync(path, new StringContent("""{"name": "x"}""", Encoding.UTF8, "text/plain"));

        var body = await response.BodyAsync(HttpStatusCode.UnsupportedMediaType);
        Api.AssertKeys(body, "detail");
        Assert.StartsWith("Unsupported media type \"text/plain", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Odd_bodies_never_leak_a_stack_trace_or_a_500()
    {
        var user = await api.UserAsync();
        var project = await user.CreateProjectAsync();
        var deep = new string('[', 200) + new string(']', 200);
        var requests = new (string Method, string Path, HttpContent? Content)[]
        {
            ("POST", "/api/projects/", Api.Json($$"""{"name": {{deep}}}""")),
            ("POST", "/api/projects/", Api.Json("""{"name": {"nested": true}}""")),
            ("POST", "/api/projects/", Api.Json("""{"name": ["a"]}""")),
            ("POST", "/api/projects/", Api.Json("""{"name": "x", "description": 5}""")),
            ("POST", "/api/boxes/", Api.Json("""{"project": 99999999999999999999, "name": "x"}""")),
            ("POST", "/api/boxes/", Api.Json("""{"project": 1.5, "name": "x"}""")),
            ("POST", "/api/boxes/", Api.Json("""{"project": [1], "name": "x"}""")),
            ("POST", "/api/boxes/", Api.Json($$"""{"project": {{project}}, "name": "\u0000"}""")),
            ("POST", "/api/projects/", new ByteArrayContent([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } }),
            ("POST", "/api/projects/", new StringContent("name=x", Encoding.UTF8, "application/x-www-form-urlencoded")),
            ("POST", "/api/projects/", new StringContent("", Encoding.UTF8, "application/json")),
            ("GET", "/api/boxes/?project=abc", null),
            ("GET", "/api/boxes/?project=99999999999999999999", null),
            ("GET", "/api/projects/?page_size=99999999999999999999", null),
            ("GET", "/api/projects/%00/", null),
            ("POST", "/api/auth/token/", Api.Json("""{"username": ["a"], "password": {"b": 1}}""")),
            ("POST", "/api/auth/register/", Api.Json($$"""{"username": "{{new string('u', 300)}}", "password": "{{Password}}"}""")),
        };

        foreach (var (method, path, content) in requests)
        {
            var response = await user.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = content });
            var text = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"{method} {path} gave {(int)response.StatusCode}: {text}");
            Api.AssertNoLeak(text);
            if (text.Length > 0) JsonDocument.Parse(text).Dispose();
        }
    }
}
