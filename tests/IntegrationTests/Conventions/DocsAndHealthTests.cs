using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using AssetManager.IntegrationTests.Fixtures;

namespace AssetManager.IntegrationTests.Conventions;

/// <summary>GET /health, the OpenAPI document and the Scalar reference page.</summary>
public sealed class DocsAndHealthTests(SharedApi api) : IClassFixture<SharedApi>
{
    private readonly ApiFactory factory = api.Factory;

    [Theory]
    [InlineData("/health")]
    [InlineData("/health/ready")]
    public async Task Health_reports_database_storage_and_job_engine(string path)
    {
        var body = await EventuallyHealthyAsync(path);

        var checks = body.GetProperty("checks");
        Assert.Equal(["database", "storage", "jobs"], checks.EnumerateObject().Select(c => c.Name));
        Assert.Equal("disk", checks.GetProperty("storage").GetProperty("description").GetString());
        Assert.Equal("quartz", checks.GetProperty("jobs").GetProperty("description").GetString());
    }

    [Fact]
    public async Task Live_asks_nothing_but_the_process()
    {
        var body = await (await Api.Anonymous(factory).GetAsync("/health/live")).BodyAsync(HttpStatusCode.OK);

        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Empty(body.GetProperty("checks").EnumerateObject());
    }

    /// <summary>The job engine starts once the service has: its check may say so for a moment.</summary>
    private async Task<System.Text.Json.JsonElement> EventuallyHealthyAsync(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            var body = await (await Api.Anonymous(factory).GetAsync(path)).BodyAsync(HttpStatusCode.OK);
            if (body.GetProperty("status").GetString() == "Healthy" || attempt == 50) return body;
            await Task.Delay(100);
        }
    }

    /// <summary>Every /api route the service maps, with its methods, as the OpenAPI document names it (with the slash).</summary>
    private Dictionary<string, string[]> MappedRoutes() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/") == true)
            .GroupBy(e => Regex.Replace(e.RoutePattern.RawText!, @"\{(\w+)(:[^}]*)?\}", "{$1}").TrimEnd('/') + "/")
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(m => m.ToLowerInvariant()).Order().ToArray());

    [Fact]
    public async Task OpenApi_document_lists_every_mapped_route_and_method_and_nothing_else()
    {
        var document = await (await Api.Anonymous(factory).GetAsync("/openapi/v1.json")).BodyAsync(HttpStatusCode.OK);

        var documented = document.GetProperty("paths").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateObject().Select(o => o.Name).Where(IsMethod).Order().ToArray());
        var mapped = MappedRoutes();
        Assert.True(mapped.Count >= 14, $"only {mapped.Count} routes found: the comparison would prove little");
        Assert.Equal(mapped.OrderBy(r => r.Key).Select(r => $"{string.Join(",", r.Value)} {r.Key}"),
            documented.OrderBy(r => r.Key).Select(r => $"{string.Join(",", r.Value)} {r.Key}"));
    }

    [Fact]
    public async Task The_api_page_in_docs_describes_every_route_of_the_document()
    {
        var document = await (await Api.Anonymous(factory).GetAsync("/openapi/v1.json")).BodyAsync(HttpStatusCode.OK);
        var page = File.ReadAllText(Path.Combine(ServiceProcess.RepositoryRoot, "docs", "api.md"));

        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(o => IsMethod(o.Name)).Select(o => $"{o.Name.ToUpperInvariant()} {p.Name}"))
            .ToHashSet();
        var described = Regex.Matches(page, @"^#+ `(GET|POST|PUT|PATCH|DELETE) (/api/[^`]*)`", RegexOptions.Multiline)
            .Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value}").ToHashSet();

        Assert.True(documented.Except(described).ToList() is { Count: 0 },
            "docs/api.md has no heading for: " + string.Join(", ", documented.Except(described)));
        Assert.True(described.Except(documented).ToList() is { Count: 0 },
            "docs/api.md describes routes the service does not have: " + string.Join(", ", described.Except(documented)));
    }

    [Fact]
    public async Task OpenApi_document_tells_the_truth_about_optional_fields_timestamps_and_who_needs_a_token()
    {
        var document = await (await Api.Anonymous(factory).GetAsync("/openapi/v1.json")).BodyAsync(HttpStatusCode.OK);
        var paths = document.GetProperty("paths");

        var upload = paths.GetProperty("/api/boxes/{id}/upload/").GetProperty("post").GetProperty("requestBody")
            .GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema");
        Assert.Equal(["file"], upload.GetProperty("required").EnumerateArray().Select(e => e.GetString()));

        var asset = document.GetProperty("components").GetProperty("schemas").GetProperty("AssetDto").GetProperty("properties");
        foreach (var stamp in new[] { "created_at", "updated_at" })
        {
            Assert.Equal("string", asset.GetProperty(stamp).GetProperty("type").GetString());
            Assert.Equal("date-time", asset.GetProperty(stamp).GetProperty("format").GetString());
        }

        Assert.False(document.TryGetProperty("security", out _), "no requirement for the whole document: register and token need none");
        foreach (var anonymous in new[] { "/api/auth/register/", "/api/auth/token/" })
            Assert.False(paths.GetProperty(anonymous).GetProperty("post").TryGetProperty("security", out _), anonymous);
        var operations = paths.EnumerateObject().Where(p => p.Name is not ("/api/auth/register/" or "/api/auth/token/"))
            .SelectMany(p => p.Value.EnumerateObject().Where(o => IsMethod(o.Name)).Select(o => (Route: $"{o.Name} {p.Name}", Operation: o.Value)))
            .ToList();
        Assert.NotEmpty(operations);
        Assert.All(operations, o => Assert.True(
            o.Operation.TryGetProperty("security", out var security) && security[0].TryGetProperty("Token", out _), o.Route + " needs the token"));
    }

    private static bool IsMethod(string name) => name is "get" or "post" or "put" or "patch" or "delete";

    [Fact]
    public async Task OpenApi_document_describes_the_token_scheme()
    {
        var document = await (await Api.Anonymous(factory).GetAsync("/openapi/v1.json")).BodyAsync(HttpStatusCode.OK);

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Token");
        Assert.Equal("Authorization", scheme.GetProperty("name").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
    }

    [Fact]
    public async Task Scalar_answers_200_with_html()
    {
        var response = await Api.Anonymous(factory).GetAsync("/scalar");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
        Api.AssertNoLeak(html);
    }

    [Fact]
    public async Task Root_leads_to_the_api_reference()
    {
        var response = await Api.Anonymous(factory).GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
