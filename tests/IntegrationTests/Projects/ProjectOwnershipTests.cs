using System.Net;
using AssetManager.IntegrationTests.Conventions;
using AssetManager.IntegrationTests.Fixtures;

namespace AssetManager.IntegrationTests.Projects;

/// <summary>Contract section 1 (ownership) for projects: someone else's project is a 404, never listed, never changed.</summary>
public abstract class ProjectOwnershipTests(SharedApi api)
{
    private readonly ApiFactory factory = api.Factory;

    private async Task<(ApiClient Owner, ApiClient Stranger, int ProjectId, string Original)> SetUpAsync()
    {
        var owner = await api.UserAsync("owner");
        var stranger = await api.UserAsync("stranger");
        var projectId = await owner.CreateProjectAsync("Owner's film");
        await owner.CreateBoxAsync(projectId);
        var original = await (await owner.Http.GetAsync($"/api/projects/{projectId}/")).Content.ReadAsStringAsync();
        return (owner, stranger, projectId, original);
    }

    private static async Task AssertUnchangedAsync(ApiClient owner, int projectId, string original)
    {
        var now = await owner.Http.GetAsync($"/api/projects/{projectId}/");
        await now.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(original, await now.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_of_another_users_project_is_404()
    {
        var (_, stranger, projectId, _) = await SetUpAsync();

        await (await stranger.Http.GetAsync($"/api/projects/{projectId}/")).AssertJsonAsync(HttpStatusCode.NotFound, Api.NotFound);
    }

    [Fact]
    public async Task Put_of_another_users_project_is_404_and_changes_nothing()
    {
        var (owner, stranger, projectId, original) = await SetUpAsync();

        await (await stranger.Http.PutJsonAsync($"/api/projects/{projectId}/", """{"name": "Stolen", "description": "x"}"""))
            .AssertJsonAsync(HttpStatusCode.NotFound, Api.NotFound);

        await AssertUnchangedAsync(owner, projectId, original);
    }

    [Fact]
    public async Task Patch_of_another_users_project_is_404_and_changes_nothing()
    {
        var (owner, stranger, projectId, original) = await SetUpAsync();

        await (await stranger.Http.PatchJsonAsync($"/api/projects/{projectId}/", """{"name": "Stolen"}"""))
            .AssertJsonAsync(HttpStatusCode.NotFound, Api.NotFound);

        await AssertUnchangedAsync(owner, projectId, original);
    }

    [Fact]
    public async Task Invalid_update_of_another_users_project_is_still_404()
    {
        // The 404 must not depend on the body: a validation error would reveal that the project exists.
        var (owner, stranger, projectId, original) = await SetUpAsync();

        await (await stranger.Http.PutJsonAsync($"/api/projects/{projectId}/", "{}")).AssertJsonAsync(HttpStatusCode.NotFound, Api.NotFound);
        await (await stranger.Http.PatchJsonAsync($"/api/projects/{projectId}/", """{"name": ""}""")).AssertJsonAsync(HttpStatusCode.NotFound, Api.NotFound);

        await AssertUnchangedAsync(owner, projectId, original);
    }

    [Fact]
    public async Task Delete_of_another_users_project_is_404_and_deletes_nothing()
    {
        var (owner, stranger, projectId, original) = await SetUpAsync();

        await (await stranger.Http.DeleteAsync($"/api/projects/{projectId}/")).AssertJsonAsync(HttpStatusCode.NotFound, Api.NotFound);

        await AssertUnchangedAsync(owner, projectId, original);
        var boxes = await (await owner.Http.GetAsync($"/api/boxes/?project={projectId}")).BodyAsync(HttpStatusCode.OK);
        Assert.Equal(1, boxes.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Another_users_project_looks_exactly_like_a_missing_one()
    {
        var (_, stranger, projectId, _) = await SetUpAsync();
        var theirs = await stranger.Http.GetAsync($"/api/projects/{projectId}/");
        var missing = await stranger.Http.GetAsync("/api/projects/987654321/");

        Assert.Equal(missing.StatusCode, theirs.StatusCode);
        Assert.Equal(await missing.Content.ReadAsStringAsync(), await theirs.Content.ReadAsStringAsync());
        Assert.Equal(missing.Content.Headers.ContentType?.ToString(), theirs.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task Lists_show_only_own_projects()
    {
        var owner = await ApiClient.RegisterAsync(factory);
        var stranger = await ApiClient.RegisterAsync(factory);
        var projectId = await owner.CreateProjectAsync("Owner's film");
        var mine = await stranger.CreateProjectAsync("Mine");

        var strangers = await (await stranger.Http.GetAsync("/api/projects/")).BodyAsync(HttpStatusCode.OK);
        Assert.Equal(1, strangers.GetProperty("count").GetInt32());
        Assert.Equal(mine, strangers.GetProperty("results")[0].Id());

        var owners = await (await owner.Http.GetAsync("/api/projects/")).BodyAsync(HttpStatusCode.OK);
        Assert.Equal(1, owners.GetProperty("count").GetInt32());
        Assert.Equal(projectId, owners.GetProperty("results")[0].Id());
    }
}

public sealed class ProjectOwnershipTestsOnSqlite(SharedApi api) : ProjectOwnershipTests(api), IClassFixture<SharedApi>;

public sealed class ProjectOwnershipTestsOnPostgreSql(SharedApiOnPostgreSql api) : ProjectOwnershipTests(api), IClassFixture<SharedApiOnPostgreSql>;
