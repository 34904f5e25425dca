using System.Net;
using System.Text.Json;
using AssetManager.IntegrationTests.Conventions;
using AssetManager.IntegrationTests.Fixtures;

namespace AssetManager.IntegrationTests.Boxes;

/// <summary>Contract section 3: /api/boxes/ and /api/boxes/{id}/ for their owner.</summary>
public abstract class BoxTests(SharedApi api)
{
    private readonly ApiFactory factory = api.Factory;

    private static async Task<JsonElement> CreateAsync(ApiClient user, string json) =>
        await (await user.Http.PostJsonAsync("/api/boxes/", json)).BodyAsync(HttpStatusCode.Created);

    private static void AssertBox(JsonElement box, int? id, int project, string name, string description, int assetCount)
    {
        Api.AssertKeys(box, Api.BoxFields);
        if (id is not null) Assert.Equal(id, box.Id());
        Assert.Equal(project, box.GetProperty("project").GetInt32());
        Assert.Equal(name, box.GetProperty("name").GetString());
        Assert.Equal(description, box.GetProperty("description").GetString());
        Assert.Equal(assetCount, box.GetProperty("asset_count").GetInt32());
        Api.AssertUtcTimestamp(box.GetProperty("created_at"));
        Api.AssertUtcTimestamp(box.GetProperty("updated_at"));
    }

    [Fact]
    public async Task Create_is_201_with_the_box_in_contract_field_order()
    {
        var user = await api.UserAsync();
        var projectId = await user.CreateProjectAsync();

        var box = await CreateAsync(user, $$"""{"project": {{projectId}}, "name": "Scene 1", "description": "Opening"}""");

        AssertBox(box, null, projectId, "Scene 1", "Opening", 0);
        Assert.Equal(box.GetProperty("created_at").GetString(), box.GetProperty("updated_at").GetString());
    }

    [Fact]
    public async Task Description_is_optional_and_project_may_be_given_as_text()
    {
        var user = await api.UserAsync();
        var projectId = await user.CreateProjectAsync();

        var box = await CreateAsync(user, $$"""{"project": "{{projectId}}", "name": "Scene"}""");

        AssertBox(box, null, projectId, "Scene", "", 0);
    }

    [Fact]
    public async Task Get_returns_the_same_representation_as_create()
    {
        var user = await api.UserAsync();
        var created = await CreateAsync(user, $$"""{"project": {{await user.CreateProjectAsync()}}, "name": "Scene", "description": "d"}""");

        await (await user.Http.GetAsync($"/api/boxes/{created.Id()}/")).AssertJsonAsync(HttpStatusCode.OK, Api.Canonical(created));
    }

    [Fact]
    public async Task Missing_project_and_name_are_both_required()
    {
        var user = await api.UserAsync();

        await (await user.Http.PostJsonAsync("/api/boxes/", "{}")).AssertJsonAsync(HttpStatusCode.BadRequest,
            """{"project": ["This field is required."], "name": ["This field is required."]}""");
        await (await user.Http.PostJsonAsync("/api/boxes/", """{"name": "Scene"}""")).AssertJsonAsync(HttpStatusCode.BadRequest,
            """{"project": ["This field is required."]}""");
    }

    [Fact]
    public async Task Project_that_does_not_exist_is_an_invalid_pk()
    {
        var user = await api.UserAsync();

        await (await user.Http.PostJsonAsync("/api/boxes/", """{"project": 987654, "name": "Scene"}"""))
            .AssertJsonAsync(HttpStatusCode.BadRequest, Api.InvalidPk(987654));
    }

    [Fact]
    public async Task Project_of_the_wrong_type_or_null_is_400()
    {
        var user = await api.UserAsync();

        await (await user.Http.PostJsonAsync("/api/boxes/", """{"project": null, "name": "Scene"}"""))
            .AssertJsonAsync(HttpStatusCode.BadRequest, """{"project": ["This field may not be null."]}""");
        await (await user.Http.PostJsonAsync("/api/boxes/", """{"project": "abc", "name": "Scene"}"""))
            .AssertJsonAsync(HttpStatusCode.BadRequest, """{"project": ["Incorrect type. Expected pk value, received str."]}""");
    }

    [Theory]
    [InlineData("", "This field may not be blank.")]
    [InlineData("  ", "This field may not be blank.")]
    public async Task Blank_name_is_400(string name, string message)
    {
        var user = await api.UserAsync();
        var projectId = await user.CreateProjectAsync();

        await (await user.Http.PostJsonAsync("/api/boxes/", $$"""{"project": {{projectId}}, "name": "{{name}}"}"""))
            .AssertJsonAsync(HttpStatusCode.BadRequest, $$"""{"name": ["{{message}}"]}""");
    }

    [Fact]
    public async Task Name_over_200_characters_is_400_and_200_is_fine()
    {
        var user = await api.UserAsync();
        var projectId = await user.CreateProjectAsync();

        await (await user.Http.PostJsonAsync("/api/boxes/", $$"""{"project": {{projectId}}, "name": "{{new string('a', 201)}}"}"""))
            .AssertJsonAsync(HttpStatusCode.BadRequest, """{"name": ["Ensure this field has no more than 200 characters."]}""");
        var box = await CreateAsync(user, $$"""{"project": {{projectId}}, "name": "{{new string('a', 200)}}"}""");
        Assert.Equal(200, box.GetProperty("name").GetString()!.Length);
    }

    [Fact]
    public async Task Put_replaces_project_name_and_description()
    {
        var user = await api.UserAsync();
        var first = await user.CreateProjectAsync("First");
        var second = await user.CreateProjectAsync("Second");
        var created = await CreateAsync(user, $$"""{"project": {{first}}, "name": "Old", "description": "old"}""");

        var updated = await (await user.Http.PutJsonAsync($"/api/boxes/{created.Id()}/",
            $$"""{"project": {{second}}, "name": "New", "description": "new"}""")).BodyAsync(HttpStatusCode.OK);

        AssertBox(updated, created.Id(), second, "New", "new", 0);
        Assert.Equal(created.GetProperty("created_at").GetString(), updated.GetProperty("created_at").GetString());
        await (await user.Http.GetAsync($"/api/boxes/{created.Id()}/")).AssertJsonAsync(HttpStatusCode.OK, Api.Canonical(updated));
    }

    [Fact]
    public async Task Put_without_description_keeps_it_as_drf_does_and_an_empty_one_clears_it()
    {
        var user = await api.UserAsync();
        var projectId = await user.CreateProjectAsync();
        var id = (await CreateAsync(user, $$"""{"project": {{projectId}}, "name": "Old", "description": "kept"}""")).Id();

        var kept = await (await user.Http.PutJsonAsync($"/api/boxes/{id}/", $$"""{"project": {{projectId}}, "name": "New"}""")).BodyAsync(HttpStatusCode.OK);
        AssertBox(kept, id, projectId, "New", "kept", 0);

        var cleared = await (await user.Http.PutJsonAsync($"/api/boxes/{id}/", $$"""{"project": {{projectId}}, "name": "New", "description": ""}""")).BodyAsync(HttpStatusCode.OK);
        AssertBox(cleared, id, projectId, "New", "", 0);
    }

    [Fact]
    public async Task Put_requires_project_and_name()
    {
        var user = await api.UserAsync();
        var id = await user.CreateBoxAsync();

        await (await user.Http.PutJsonAsync($"/api/boxes/{id}/", """{"description": "x"}""")).AssertJsonAsync(HttpStatusCode.BadRequest,
            """{"project": ["This field is required."], "name": ["This field is required."]}""");
    }

    [Fact]
    public async Task Put_or_patch_to_a_missing_project_is_an_invalid_pk()
    {
        var user = await api.UserAsync();
        var projectId = await user.CreateProjectAsync();
        var id = await user.CreateBoxAsync(projectId);

        await (await user.Http.PutJsonAsync($"/api/boxes/{id}/", """{"project": 987654, "name": "x"}"""))
            .AssertJsonAsync(HttpStatusCode.BadRequest, Api.InvalidPk(987654));
        await (await user.Http.PatchJsonAsync($"/api/boxes/{id}/", """{"project": 987654}"""))
            .AssertJsonAsync(HttpStatusCode.BadRequest, Api.InvalidPk(987654));
        Assert.Equal(projectId, (await (await user.Http.GetAsync($"/api/boxes/{id}/")).BodyAsync(HttpStatusCode.OK)).GetProperty("project").GetInt32());
    }

    [Fact]
    public async Task Patch_changes_only_the_fields_given()
    {
        var user = await api.UserAsync();
        var first = await user.CreateProjectAsync("First");
        var second = await user.CreateProjectAsync("Second");
        var id = (await CreateAsync(user, $$"""{"project": {{first}}, "name": "Name", "description": "Description"}""")).Id();

        AssertBox(await (await user.Http.PatchJsonAsync($"/api/boxes/{id}/", """{"name": "Renamed"}""")).BodyAsync(HttpStatusCode.OK),
            id, first, "Renamed", "Description", 0);
        AssertBox(await (await user.Http.PatchJsonAsync($"/api/boxes/{id}/", """{"description": "Changed"}""")).BodyAsync(HttpStatusCode.OK),
            id, first, "Renamed", "Changed", 0);
        AssertBox(await (await user.Http.PatchJsonAsync($"/api/boxes/{id}/", $$"""{"project": {{second}}}""")).BodyAsync(HttpStatusCode.OK),
            id, second, "Renamed", "Changed", 0);
        AssertBox(await (await user.Http.PatchJsonAsync($"/api/boxes/{id}/", "{}")).BodyAsync(HttpStatusCode.OK),
            id, second, "Renamed", "Changed", 0);
        await (await user.Http.PatchJsonAsync($"/api/boxes/{id}/", """{"name": ""}"""))
            .AssertJsonAsync(HttpStatusCode.BadRequest, """{"name": ["This field may not be blank."]}""");
    }

    [Fact]
    public async Task Moving_a_box_moves_its_count_between_projects()
    {
        var user = await api.UserAsync();
        var first = await user.CreateProjectAsync("First");
        var second = await user.CreateProjectAsync("Second");
        var id = await user.CreateBoxAsync(first);

        await (await user.Http.PatchJsonAsync($"/api/boxes/{id}/", $$"""{"project": {{second}}}""")).AssertStatusAsync(HttpStatusCode.OK);

        Assert.Equal(0, (await (await user.Http.GetAsync($"/api/projects/{first}/")).BodyAsync(HttpStatusCode.OK)).GetProperty("box_count").GetInt32());
        Assert.Equal(1, (await (await user.Http.GetAsync($"/api/projects/{second}/")).BodyAsync(HttpStatusCode.OK)).GetProperty("box_count").GetInt32());
    }

    [Fact]
    public async Task Asset_count_counts_the_boxes_assets()
    {
        var user = await api.UserAsync();
        var projectId = await user.CreateProjectAsync();
        var id = await user.CreateBoxAsync(projectId);
        var other = await user.CreateBoxAsync(projectId, "Other");

        await (await user.Http.UploadAsync(id)).AssertStatusAsync(HttpStatusCode.Created);
        await (await user.Http.UploadAsync(id, SampleFiles.Jpeg(), "photo.jpg")).AssertStatusAsync(HttpStatusCode.Created);
        await (await user.Http.UploadAsync(other)).AssertStatusAsync(HttpStatusCode.Created);

        var box = await (await user.Http.GetAsync($"/api/boxes/{id}/")).BodyAsync(HttpStatusCode.OK);
        Assert.Equal(2, box.GetProperty("asset_count").GetInt32());
        var listed = (await (await user.Http.GetAsync($"/api/boxes/?project={projectId}")).BodyAsync(HttpStatusCode.OK))
            .GetProperty("results").EnumerateArray().ToDictionary(b => b.Id(), b => b.GetProperty("asset_count").GetInt32());
        Assert.Equal(2, listed[id]);
        Assert.Equal(1, listed[other]);
        var patched = await (await user.Http.PatchJsonAsync($"/api/boxes/{id}/", """{"name": "Counted"}""")).BodyAsync(HttpStatusCode.OK);
        Assert.Equal(2, patched.GetProperty("asset_count").GetInt32());
    }

    [Fact]
    public async Task Delete_is_204_and_removes_its_assets_and_stored_files()
    {
        var user = await api.UserAsync();
        var projectId = await user.CreateProjectAsync();
        var id = await user.CreateBoxAsync(projectId);
        var asset = await (await user.Http.UploadAsync(id)).BodyAsync(HttpStatusCode.Created);
        var stored = Api.StoredPath(factory, asset);
        Assert.True(File.Exists(stored), $"the upload should be on disk at {stored}");

        var response = await user.Http.DeleteAsync($"/api/boxes/{id}/");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        await (await user.Http.GetAsync($"/api/boxes/{id}/")).AssertJsonAsync(HttpStatusCode.NotFound, Api.NotFound);
        await (await user.Http.GetAsync($"/api/assets/{asset.Id()}/")).AssertJsonAsync(HttpStatusCode.NotFound, Api.NotFound);
        await (await user.Http.DeleteAsync($"/api/boxes/{id}/")).AssertJsonAsync(HttpStatusCode.NotFound, Api.NotFound);
        Assert.False(File.Exists(stored), "the stored file should be deleted with its box");
        Assert.Equal(0, (await (await user.Http.GetAsync($"/api/projects/{projectId}/")).BodyAsync(HttpStatusCode.OK)).GetProperty("box_count").GetInt32());
    }

    [Fact]
    public async Task List_shows_own_boxes_and_filters_by_project()
    {
        var user = await ApiClient.RegisterAsync(factory);
        var first = await user.CreateProjectAsync("First");
        var second = await user.CreateProjectAsync("Second");
        var a = await user.CreateBoxAsync(first, "A");
        var b = await user.CreateBoxAsync(first, "B");
        var c = await user.CreateBoxAsync(second, "C");

        var all = await (await user.Http.GetAsync("/api/boxes/")).BodyAsync(HttpStatusCode.OK);
        Api.AssertKeys(all, Api.PageFields);
        Assert.Equal(3, all.GetProperty("count").GetInt32());
        Assert.Equal(new[] { a, b, c }, all.GetProperty("results").EnumerateArray().Select(r => r.Id()).Order());
        Assert.All(all.GetProperty("results").EnumerateArray(), r => Api.AssertKeys(r, Api.BoxFields));

        var firsts = await (await user.Http.GetAsync($"/api/boxes/?project={first}")).BodyAsync(HttpStatusCode.OK);
        Assert.Equal(2, firsts.GetProperty("count").GetInt32());
        Assert.Equal(new[] { a, b }, firsts.GetProperty("results").EnumerateArray().Select(r => r.Id()).Order());

        var seconds = await (await user.Http.GetAsync($"/api/boxes?project={second}")).BodyAsync(HttpStatusCode.OK);
        Assert.Equal(c, seconds.GetProperty("results").EnumerateArray().Single().Id());

        await (await user.Http.GetAsync("/api/boxes/?project=987654"))
            .AssertJsonAsync(HttpStatusCode.OK, """{"count": 0, "next": null, "previous": null, "results": []}""");

        var single = await (await user.Http.GetAsync($"/api/boxes/{a}/")).BodyAsync(HttpStatusCode.OK);
        Assert.Equal(Api.Canonical(single), Api.Canonical(all.GetProperty("results").EnumerateArray().Single(r => r.Id() == a)));
    }

    [Fact]
    public async Task Non_numeric_or_unknown_ids_are_404()
    {
        var user = await api.UserAsync();
        var projectId = await user.CreateProjectAsync();

        foreach (var path in new[] { "/api/boxes/999999/", "/api/boxes/abc/", "/api/boxes/0/", "/api/boxes/99999999999999/" })
        {
            await (await user.Http.GetAsync(path)).AssertJsonAsync(HttpStatusCode.NotFound, Api.NotFound);
            await (await user.Http.PutJsonAsync(path, $$"""{"project": {{projectId}}, "name": "x"}""")).AssertJsonAsync(HttpStatusCode.NotFound, Api.NotFound);
            await (await user.Http.PatchJsonAsync(path, """{"name": "x"}""")).AssertJsonAsync(HttpStatusCode.NotFound, Api.NotFound);
            await (await user.Http.DeleteAsync(path)).AssertJsonAsync(HttpStatusCode.NotFound, Api.NotFound);
        }
    }
}

public sealed class BoxTestsOnSqlite(SharedApi api) : BoxTests(api), IClassFixture<SharedApi>;

public sealed class BoxTestsOnPostgreSql(SharedApiOnPostgreSql api) : BoxTests(api), IClassFixture<SharedApiOnPostgreSql>;
