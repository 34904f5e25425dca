using System.Net;
using System.Text.Json;
using AssetManager.IntegrationTests.Conventions;
using AssetManager.IntegrationTests.Fixtures;

namespace AssetManager.IntegrationTests.AiModels;

/// <summary>Contract section 3: the read-only AI model catalogue.</summary>
public abstract class AiModelTests(SharedApi api)
{
    private static readonly string[] Kinds = ["IMAGE", "VIDEO", "ANY"];

    private readonly ApiFactory factory = api.Factory;

    private async Task<List<JsonElement>> AllAsync(ApiClient user)
    {
        var page = await (await user.Http.GetAsync("/api/ai-models/?page_size=200")).BodyAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
        return page.GetProperty("results").EnumerateArray().ToList();
    }

    [Fact]
    public async Task List_is_a_drf_page_of_at_least_8_seeded_models()
    {
        var user = await api.UserAsync();

        var page = await (await user.Http.GetAsync("/api/ai-models/")).BodyAsync(HttpStatusCode.OK);

        Api.AssertKeys(page, Api.PageFields);
        var results = page.GetProperty("results").EnumerateArray().ToList();
        Assert.True(results.Count >= 8, $"expected at least 8 seeded models, got {results.Count}");
        Assert.Equal(results.Count, page.GetProperty("count").GetInt32());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("previous").ValueKind);
        foreach (var model in results)
        {
            Api.AssertKeys(model, "id", "name", "provider", "kind");
            Assert.True(model.Id() > 0);
            Assert.False(string.IsNullOrWhiteSpace(model.GetProperty("name").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(model.GetProperty("provider").GetString()));
            Assert.Contains(model.GetProperty("kind").GetString(), Kinds);
        }
        Assert.Equal(results.Count, results.Select(m => m.Id()).Distinct().Count());
        Assert.Equal(results.Count, results.Select(m => m.GetProperty("name").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task Catalogue_has_image_and_video_generators()
    {
        var user = await api.UserAsync();

        var kinds = (await AllAsync(user)).Select(m => m.GetProperty("kind").GetString()).ToHashSet();

        Assert.Contains("IMAGE", kinds);
        Assert.Contains("VIDEO", kinds);
    }

    [Fact]
    public async Task Get_one_returns_the_same_model_as_the_list()
    {
        var user = await api.UserAsync();

        foreach (var model in await AllAsync(user))
        {
            var response = await user.Http.GetAsync($"/api/ai-models/{model.Id()}/");
            await response.AssertJsonAsync(HttpStatusCode.OK, Api.Canonical(model));
        }
    }

    [Theory]
    [InlineData("/api/ai-models/987654/")]
    [InlineData("/api/ai-models/0/")]
    [InlineData("/api/ai-models/abc/")]
    [InlineData("/api/ai-models/987654")]
    public async Task Unknown_model_is_404(string path)
    {
        var user = await api.UserAsync();

        await (await user.Http.GetAsync(path)).AssertJsonAsync(HttpStatusCode.NotFound, Api.NotFound);
    }

    [Theory]
    [InlineData("POST", "/api/ai-models/")]
    [InlineData("PUT", "/api/ai-models/1/")]
    [InlineData("PATCH", "/api/ai-models/1/")]
    [InlineData("DELETE", "/api/ai-models/1/")]
    public async Task Catalogue_is_read_only(string method, string path)
    {
        var user = await api.UserAsync();

        var response = await user.Http.SendAsync(new HttpMethod(method), path, """{"name": "Mine", "provider": "Me", "kind": "ANY"}""");

        await response.AssertJsonAsync(HttpStatusCode.MethodNotAllowed, $$"""{"detail": "Method \"{{method}}\" not allowed."}""");
        Assert.Equal(1, (await (await user.Http.GetAsync("/api/ai-models/1/")).BodyAsync(HttpStatusCode.OK)).Id());
    }

    [Fact]
    public async Task Catalogue_needs_a_token()
    {
        await (await Api.Anonymous(factory).GetAsync("/api/ai-models/")).AssertJsonAsync(HttpStatusCode.Unauthorized, Api.NotAuthenticated);
        await (await Api.Anonymous(factory).GetAsync("/api/ai-models/1/")).AssertJsonAsync(HttpStatusCode.Unauthorized, Api.NotAuthenticated);
    }
}

public sealed class AiModelTestsOnSqlite(SharedApi api) : AiModelTests(api), IClassFixture<SharedApi>;

public sealed class AiModelTestsOnPostgreSql(SharedApiOnPostgreSql api) : AiModelTests(api), IClassFixture<SharedApiOnPostgreSql>;
