using System.Net;
using AssetManager.IntegrationTests.Conventions;
using AssetManager.IntegrationTests.Fixtures;

namespace AssetManager.IntegrationTests.Boxes;

/// <summary>
/// Contract section 1 (ownership) for boxes and what hangs below them: every way of reaching another user's box
/// is a 404 (or an invalid pk where the box's project is a field), and none of it ever shows in a list.
/// </summary>
public abstract class BoxOwnershipTests(SharedApi api)
{
    private const string EmptyPage = """{"count": 0, "next": null, "previous": null, "results": []}""";

    private readonly ApiFactory factory = api.Factory;

    private sealed record World(ApiClient Owner, ApiClient Stranger, int OwnersProject, int OwnersBox, int StrangersProject, int StrangersBox, string OriginalBox);

    /// <summary>New projects and boxes for the class's shared owner and stranger (or for two new users).</summary>
    private async Task<World> SetUpAsync(bool newUsers = false)
    {
        var owner = newUsers ? await ApiClient.RegisterAsync(factory) : await api.UserAsync("owner");
        var stranger = newUsers ? await ApiClient.RegisterAsync(factory) : await api.UserAsync("stranger");
        var ownersProject = await owner.CreateProjectAsync("Owner's film");
        var ownersBox = await owner.CreateBoxAsync(ownersProject, "Owner's scene");
        var strangersProject = await stranger.CreateProjectAsync("Stranger's film");
        var strangersBox = await stranger.CreateBoxAsync(strangersProject, "Stranger's scene");
        var original = await (await owner.Http.GetAsync($"/api/boxes/{ownersBox}/")).Content.ReadAsStringAsync();
        return new World(owner, stranger, ownersProject, ownersBox, strangersProject, strangersBox, original);
    }

    private static async Task AssertBoxUnchangedAsync(World w)
    {
        var now = await w.Owner.Http.GetAsync($"/api/boxes/{w.OwnersBox}/");
        await now.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(w.OriginalBox, await now.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_of_another_users_box_is_404()
    {
        var w = await SetUpAsync();

        await (await w.Stranger.Http.GetAsync($"/api/boxes/{w.OwnersBox}/")).AssertJsonAsync(HttpStatusCode.NotFound, Api.NotFound);
    }

    [Fact]
    public async Task Put_of_another_users_box_is_404_and_changes_nothing()
    {
        var w = await SetUpAsync();

        await (await w.Stranger.Http.PutJsonAsync($"/api/boxes/{w.OwnersBox}/", $$"""{"project": {{w.StrangersProject}}, "name": "Stolen"}"""))
            .AssertJsonAsync(HttpStatusCode.NotFound, Api.NotFound);

        await AssertBoxUnchangedAsync(w);
    }

    [Fact]
    public async Task Patch_of_another_users_box_is_404_and_changes_nothing()
    {
        var w = await SetUpAsync();

        await (await w.Stranger.Http.PatchJsonAsync($"/api/boxes/{w.OwnersBox}/", """{"name": "Stolen"}"""))
            .AssertJsonAsync(HttpStatusCode.NotFound, Api.NotFound);
        await (await w.Stranger.Http.PatchJsonAsync($"/api/boxes/{w.OwnersBox}/", $$"""{"project": {{w.StrangersProject}}}"""))
            .AssertJsonAsync(HttpStatusCode.NotFound, Api.NotFound);

        await AssertBoxUnchangedAsync(w);
    }

    [Fact]
    public async Task Invalid_update_of_another_users_box_is_still_404()
    {
        var w = await SetUpAsync();

        await (await w.Stranger.Http.PutJsonAsync($"/api/boxes/{w.OwnersBox}/", "{}")).AssertJsonAsync(HttpStatusCode.NotFound, Api.NotFound);
        await (await w.Stranger.Http.PatchJsonAsync($"/api/boxes/{w.OwnersBox}/", $$"""{"project": {{w.OwnersProject}}}"""))
            .AssertJsonAsync(HttpStatusCode.NotFound, Api.NotFound);

        await AssertBoxUnchangedAsync(w);
    }

    [Fact]
    public async Task Delete_of_another_users_box_is_404_and_deletes_nothing()
    {
        var w = await SetUpAsync();

        await (await w.Stranger.Http.DeleteAsync($"/api/boxes/{w.OwnersBox}/")).AssertJsonAsync(HttpStatusCode.NotFound, Api.NotFound);

        await AssertBoxUnchangedAsync(w);
    }

    [Fact]
    public async Task Another_users_box_looks_exactly_like_a_missing_one()
    {
        var w = await SetUpAsync();
        var theirs = await w.Stranger.Http.GetAsync($"/api/boxes/{w.OwnersBox}/");
        var missing = await w.Stranger.Http.GetAsync("/api/boxes/987654321/");

        Assert.Equal(missing.StatusCode, theirs.StatusCode);
        Assert.Equal(await missing.Content.ReadAsStringAsync(), await theirs.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Creating_a_box_in_another_users_project_is_an_invalid_pk()
    {
        var w = await SetUpAsync();

        await (await w.Stranger.Http.PostJsonAsync("/api/boxes/", $$"""{"project": {{w.OwnersProject}}, "name": "Intruder"}"""))
            .AssertJsonAsync(HttpStatusCode.BadRequest, Api.InvalidPk(w.OwnersProject));

        var owners = await (await w.Owner.Http.GetAsync($"/api/boxes/?project={w.OwnersProject}")).BodyAsync(HttpStatusCode.OK);
        Assert.Equal(1, owners.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Put_moving_an_own_box_into_another_users_project_is_an_invalid_pk()
    {
        var w = await SetUpAsync();

        await (await w.Stranger.Http.PutJsonAsync($"/api/boxes/{w.StrangersBox}/", $$"""{"project": {{w.OwnersProject}}, "name": "Moved"}"""))
            .AssertJsonAsync(HttpStatusCode.BadRequest, Api.InvalidPk(w.OwnersProject));

        var box = await (await w.Stranger.Http.GetAsync($"/api/boxes/{w.StrangersBox}/")).BodyAsync(HttpStatusCode.OK);
        Assert.Equal(w.StrangersProject, box.GetProperty("project").GetInt32());
        Assert.Equal("Stranger's scene", box.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Patch_moving_an_own_box_into_another_users_project_is_an_invalid_pk()
    {
        var w = await SetUpAsync();

        await (await w.Stranger.Http.PatchJsonAsync($"/api/boxes/{w.StrangersBox}/", $$"""{"project": {{w.OwnersProject}}}"""))
            .AssertJsonAsync(HttpStatusCode.BadRequest, Api.InvalidPk(w.OwnersProject));

        var box = await (await w.Stranger.Http.GetAsync($"/api/boxes/{w.StrangersBox}/")).BodyAsync(HttpStatusCode.OK);
        Assert.Equal(w.StrangersProject, box.GetProperty("project").GetInt32());
        Assert.Equal(1, (await (await w.Owner.Http.GetAsync($"/api/projects/{w.OwnersProject}/")).BodyAsync(HttpStatusCode.OK))
            .GetProperty("box_count").GetInt32());
    }

    [Fact]
    public async Task Listing_boxes_of_another_users_project_is_empty()
    {
        var w = await SetUpAsync();

        await (await w.Stranger.Http.GetAsync($"/api/boxes/?project={w.OwnersProject}")).AssertJsonAsync(HttpStatusCode.OK, EmptyPage);
    }

    [Fact]
    public async Task Box_lists_show_only_own_boxes()
    {
        var w = await SetUpAsync(newUsers: true);

        var strangers = await (await w.Stranger.Http.GetAsync("/api/boxes/")).BodyAsync(HttpStatusCode.OK);
        Assert.Equal(1, strangers.GetProperty("count").GetInt32());
        Assert.Equal(w.StrangersBox, strangers.GetProperty("results")[0].Id());
        var owners = await (await w.Owner.Http.GetAsync("/api/boxes/")).BodyAsync(HttpStatusCode.OK);
        Assert.Equal(1, owners.GetProperty("count").GetInt32());
        Assert.Equal(w.OwnersBox, owners.GetProperty("results")[0].Id());
    }

    [Fact]
    public async Task Assets_list_of_another_users_box_is_404()
    {
        var w = await SetUpAsync();
        await (await w.Owner.Http.UploadAsync(w.OwnersBox)).AssertStatusAsync(HttpStatusCode.Created);

        await (await w.Stranger.Http.GetAsync($"/api/boxes/{w.OwnersBox}/assets/")).AssertJsonAsync(HttpStatusCode.NotFound, Api.NotFound);
        await (await w.Stranger.Http.GetAsync($"/api/boxes/{w.OwnersBox}/assets")).AssertJsonAsync(HttpStatusCode.NotFound, Api.NotFound);
        await (await w.Stranger.Http.GetAsync("/api/boxes/987654321/assets/")).AssertJsonAsync(HttpStatusCode.NotFound, Api.NotFound);

        var own = await (await w.Owner.Http.GetAsync($"/api/boxes/{w.OwnersBox}/assets/")).BodyAsync(HttpStatusCode.OK);
        Assert.Equal(1, own.GetProperty("count").GetInt32());
        await (await w.Stranger.Http.GetAsync($"/api/assets/?box={w.OwnersBox}")).AssertJsonAsync(HttpStatusCode.OK, EmptyPage);
        await (await w.Stranger.Http.GetAsync("/api/assets/")).AssertJsonAsync(HttpStatusCode.OK, EmptyPage);
    }

    [Fact]
    public async Task Uploading_into_another_users_box_is_404_and_stores_nothing()
    {
        var w = await SetUpAsync();
        var filesBefore = Files();

        var response = await w.Stranger.Http.UploadAsync(w.OwnersBox);

        await response.AssertJsonAsync(HttpStatusCode.NotFound, Api.NotFound);
        Assert.Equal(filesBefore, Files());
        var box = await (await w.Owner.Http.GetAsync($"/api/boxes/{w.OwnersBox}/")).BodyAsync(HttpStatusCode.OK);
        Assert.Equal(0, box.GetProperty("asset_count").GetInt32());
        await (await w.Stranger.Http.UploadAsync(987654321)).AssertJsonAsync(HttpStatusCode.NotFound, Api.NotFound);
    }

    private string[] Files() =>
        Directory.Exists(factory.MediaRoot) ? Directory.GetFiles(factory.MediaRoot, "*", SearchOption.AllDirectories).Order().ToArray() : [];
}

public sealed class BoxOwnershipTestsOnSqlite(SharedApi api) : BoxOwnershipTests(api), IClassFixture<SharedApi>;

public sealed class BoxOwnershipTestsOnPostgreSql(SharedApiOnPostgreSql api) : BoxOwnershipTests(api), IClassFixture<SharedApiOnPostgreSql>;
