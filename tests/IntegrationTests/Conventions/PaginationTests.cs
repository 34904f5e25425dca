using System.Net;
using System.Text.Json;
using AssetManager.IntegrationTests.Fixtures;
using Microsoft.AspNetCore.WebUtilities;

namespace AssetManager.IntegrationTests.Conventions;

/// <summary>Contract section 1: DRF page-number pagination on every list (page, page_size default 50 max 200, links).</summary>
public abstract class PaginationTests(SharedApi api)
{
    private readonly ApiFactory factory = api.Factory;

    private static async Task<int[]> CreateProjectsAsync(ApiClient user, int count)
    {
        var ids = new int[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (i, _) => ids[i] = await user.CreateProjectAsync($"P{i:D3}"));
        return ids;
    }

    /// <summary>A shared user with exactly two projects and one box, set up on first use.</summary>
    private async Task<ApiClient> TwoProjectsAsync()
    {
        var user = await api.UserAsync("two-projects");
        var page = await PageAsync(user, "/api/projects/");
        if (page.GetProperty("count").GetInt32() == 0)
        {
            await user.CreateBoxAsync(await user.CreateProjectAsync("One"));
            await user.CreateProjectAsync("Two");
        }
        return user;
    }

    private static async Task<JsonElement> PageAsync(ApiClient user, string url) => await (await user.Http.GetAsync(url)).BodyAsync(HttpStatusCode.OK);

    private void AssertLink(JsonElement link, string path, Dictionary<string, string> query)
    {
        Assert.Equal(JsonValueKind.String, link.ValueKind);
        var uri = new Uri(link.GetString()!, UriKind.RelativeOrAbsolute);
        Assert.True(uri.IsAbsoluteUri, $"expected an absolute URL, got {link}");
        Assert.Equal(factory.BaseAddress.GetLeftPart(UriPartial.Authority), uri.GetLeftPart(UriPartial.Authority));
        Assert.Equal(path, uri.AbsolutePath);
        var actual = QueryHelpers.ParseQuery(uri.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
        Assert.Equal(query.OrderBy(p => p.Key), actual.OrderBy(p => p.Key));
    }

    [Fact]
    public async Task Pages_follow_drf_with_absolute_next_and_previous_links()
    {
        var user = await ApiClient.RegisterAsync(factory);
        var ids = await CreateProjectsAsync(user, 5);

        var first = await PageAsync(user, "/api/projects/?page_size=2");
        Api.AssertKeys(first, Api.PageFields);
        Assert.Equal(5, first.GetProperty("count").GetInt32());
        Assert.Equal(2, first.GetProperty("results").GetArrayLength());
        AssertLink(first.GetProperty("next"), "/api/projects/", new() { ["page"] = "2", ["page_size"] = "2" });
        Assert.Equal(JsonValueKind.Null, first.GetProperty("previous").ValueKind);

        var second = await PageAsync(user, first.GetProperty("next").GetString()!);
        Assert.Equal(5, second.GetProperty("count").GetInt32());
        AssertLink(second.GetProperty("next"), "/api/projects/", new() { ["page"] = "3", ["page_size"] = "2" });
        // DRF drops page=1 from the link back to the first page.
        AssertLink(second.GetProperty("previous"), "/api/projects/", new() { ["page_size"] = "2" });

        var third = await PageAsync(user, second.GetProperty("next").GetString()!);
        Assert.Equal(1, third.GetProperty("results").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, third.GetProperty("next").ValueKind);
        AssertLink(third.GetProperty("previous"), "/api/projects/", new() { ["page"] = "2", ["page_size"] = "2" });

        var seen = new[] { first, second, third }.SelectMany(p => p.GetProperty("results").EnumerateArray()).Select(r => r.Id()).ToList();
        Assert.Equal(ids.Order(), seen.Order());
    }

    [Fact]
    public async Task Page_last_is_the_last_page_as_in_drf()
    {
        var user = await ApiClient.RegisterAsync(factory);
        await CreateProjectsAsync(user, 5);

        var last = await PageAsync(user, "/api/projects/?page=last&page_size=2");

        Assert.Equal(1, last.GetProperty("results").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, last.GetProperty("next").ValueKind);
        AssertLink(last.GetProperty("previous"), "/api/projects/", new() { ["page"] = "2", ["page_size"] = "2" });
    }

    [Fact]
    public async Task Links_keep_the_other_query_parameters()
    {
        var user = await ApiClient.RegisterAsync(factory);
        var projectId = await user.CreateProjectAsync();
        for (var i = 0; i < 3; i++) await user.CreateBoxAsync(projectId, $"B{i}");

        var first = await PageAsync(user, $"/api/boxes/?project={projectId}&page_size=2");

        Assert.Equal(3, first.GetProperty("count").GetInt32());
        AssertLink(first.GetProperty("next"), "/api/boxes/", new() { ["project"] = projectId.ToString(), ["page"] = "2", ["page_size"] = "2" });
        var second = await PageAsync(user, first.GetProperty("next").GetString()!);
        AssertLink(second.GetProperty("previous"), "/api/boxes/", new() { ["project"] = projectId.ToString(), ["page_size"] = "2" });
    }

    [Fact]
    public async Task Page_size_defaults_to_50_and_is_capped_at_200()
    {
        var user = await ApiClient.RegisterAsync(factory);
        await CreateProjectsAsync(user, 201);

        var byDefault = await PageAsync(user, "/api/projects/");
        Assert.Equal(201, byDefault.GetProperty("count").GetInt32());
        Assert.Equal(50, byDefault.GetProperty("results").GetArrayLength());
        AssertLink(byDefault.GetProperty("next"), "/api/projects/", new() { ["page"] = "2" });

        var lastDefault = await PageAsync(user, "/api/projects/?page=5");
        Assert.Equal(1, lastDefault.GetProperty("results").GetArrayLength());

        var capped = await PageAsync(user, "/api/projects/?page_size=1000");
        Assert.Equal(200, capped.GetProperty("results").GetArrayLength());
        Assert.Equal(201, capped.GetProperty("count").GetInt32());
        AssertLink(capped.GetProperty("next"), "/api/projects/", new() { ["page"] = "2", ["page_size"] = "1000" });

        var exactly = await PageAsync(user, "/api/projects/?page_size=200");
        Assert.Equal(200, exactly.GetProperty("results").GetArrayLength());
        var rest = await PageAsync(user, "/api/projects/?page_size=200&page=2");
        Assert.Equal(1, rest.GetProperty("results").GetArrayLength());
    }

    [Theory]
    [InlineData("page_size=0")]
    [InlineData("page_size=-3")]
    [InlineData("page_size=abc")]
    public async Task Bad_page_size_falls_back_to_the_default(string query)
    {
        var user = await TwoProjectsAsync();

        var page = await PageAsync(user, "/api/projects/?" + query);

        Assert.Equal(2, page.GetProperty("results").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/projects/?page=abc")]
    [InlineData("/api/projects/?page=0")]
    [InlineData("/api/projects/?page=-1")]
    [InlineData("/api/projects/?page=2")]
    [InlineData("/api/projects/?page=99999999999")]
    [InlineData("/api/projects/?page=3&page_size=1")]
    [InlineData("/api/boxes/?page=2")]
    [InlineData("/api/boxes/?page=x")]
    [InlineData("/api/ai-models/?page=2")]
    [InlineData("/api/ai-models/?page=1.5")]
    public async Task Invalid_page_is_404_invalid_page(string url)
    {
        var user = await TwoProjectsAsync();

        await (await user.Http.GetAsync(url)).AssertJsonAsync(HttpStatusCode.NotFound, Api.InvalidPage);
    }

    [Theory]
    [InlineData("/api/projects/")]
    [InlineData("/api/projects/?page=1")]
    [InlineData("/api/boxes/")]
    [InlineData("/api/boxes/?page=1")]
    public async Task An_empty_list_has_one_empty_page(string url)
    {
        var user = await api.UserAsync("owns-nothing");

        await (await user.Http.GetAsync(url)).AssertJsonAsync(HttpStatusCode.OK, """{"count": 0, "next": null, "previous": null, "results": []}""");
    }

    [Fact]
    public async Task Ai_models_list_is_paginated_too()
    {
        var user = await api.UserAsync();

        var first = await PageAsync(user, "/api/ai-models/?page_size=3");

        Api.AssertKeys(first, Api.PageFields);
        Assert.Equal(3, first.GetProperty("results").GetArrayLength());
        AssertLink(first.GetProperty("next"), "/api/ai-models/", new() { ["page"] = "2", ["page_size"] = "3" });
    }
}

public sealed class PaginationTestsOnSqlite(SharedApi api) : PaginationTests(api), IClassFixture<SharedApi>;

public sealed class PaginationTestsOnPostgreSql(SharedApiOnPostgreSql api) : PaginationTests(api), IClassFixture<SharedApiOnPostgreSql>;
