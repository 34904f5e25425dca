using System.Net;
using AssetManager.IntegrationTests.Fixtures;

namespace AssetManager.IntegrationTests.Conventions;

/// <summary>GET /health, the OpenAPI document and the Scalar reference page.</summary>
public sealed class DocsAndHealthTests(SharedApi api) : IClassFixture<SharedApi>
{
    private readonly ApiFactory factory = api.Factory;

    /// <summary>Every /api route of the contract, as the OpenAPI document names it, with its methods.</summary>
    private static readonly Dictionary<string, string[]> Routes = new()
    {
        ["/api/auth/register/"] = ["post"],
        ["/api/auth/token/"] = ["post"],
        ["/api/auth/logout/"] = ["post"],
        ["/api/auth/logout-all/"] = ["post"],
        ["/api/auth/me/"] = ["get"],
        ["/api/projects/"] = ["get", "post"],
        ["/api/projects/{id}/"] = ["get", "put", "patch", "delete"],
        ["/api/boxes/"] = ["get", "post"],
        ["/api/boxes/{id}/"] = ["get", "put", "patch", "delete"],
        ["/api/boxes/{id}/upload/"] = ["post"],
        ["/api/boxes/{id}/assets/"] = ["get"],
        ["/api/assets/"] = ["get"],
        ["/api/assets/{id}/"] = ["get", "patch", "delete"],
        ["/api/ai-models/"] = ["get"],
        ["/api/ai-models/{id}/"] = ["get"],
    };

    [Fact]
    public async Task Health_reports_database_and_storage()
    {
        var response = await Api.Anonymous(factory).GetAsync("/health");

        var body = await response.BodyAsync(HttpStatusCode.OK);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        var checks = body.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("storage").GetProperty("status").GetString());
        Assert.Equal("disk", checks.GetProperty("storage").GetProperty("description").GetString());
    }

    [Fact]
    public async Task OpenApi_document_lists_every_api_route_and_method()
    {
        var response = await Api.Anonymous(factory).GetAsync("/openapi/v1.json");

        var document = await response.BodyAsync(HttpStatusCode.OK);
        // The generator may drop the trailing slash; both forms are served (contract section 1).
        var paths = document.GetProperty("paths").EnumerateObject().ToDictionary(p => p.Name.TrimEnd('/'), p => p.Value);
        var missing = new List<string>();
        foreach (var (path, methods) in Routes)
        {
            if (!paths.TryGetValue(path.TrimEnd('/'), out var item)) { missing.Add(path); continue; }
            missing.AddRange(methods.Where(m => !item.TryGetProperty(m, out _)).Select(m => $"{m.ToUpperInvariant()} {path}"));
        }
        Assert.True(missing.Count == 0, "missing from the OpenAPI document: " + string.Join(", ", missing));
        var known = Routes.Keys.Select(r => r.TrimEnd('/')).ToHashSet();
        var outside = paths.Keys.Where(p => p.StartsWith("/api/") && !known.Contains(p)).ToList();
        Assert.True(outside.Count == 0, "routes outside the contract: " + string.Join(", ", outside));
    }

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
