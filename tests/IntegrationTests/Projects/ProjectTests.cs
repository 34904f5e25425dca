using System.Net;
using System.Text.Json;
using AssetManager.IntegrationTests.Conventions;
using AssetManager.IntegrationTests.Fixtures;

namespace AssetManager.IntegrationTests.Projects;

/// <summary>Contract section 3: /api/projects/ and /api/projects/{id}/ for their owner.</summary>
public abstract class ProjectTests(SharedApi api)
{
    private readonly ApiFactory factory = api.Factory;

    private static async Task<JsonElement> CreateAsync(ApiClient user, string json) =>
        await (await user.Http.PostJsonAsync("/api/projects/", json)).BodyAsync(HttpStatusCode.Created);

    private static void AssertProject(JsonElement project, int? id, string name, string description, int boxCount)
    {
        Api.AssertKeys(project, Api.ProjectFields);
        if (id is not null) Assert.Equal(id, project.Id());
        Assert.Equal(name, project.GetProperty("name").GetString());
        Assert.Equal(description, project.GetProperty("description").GetString());
        Assert.Equal(boxCount, project.GetProperty("box_count").GetInt32());
        Api.AssertUtcTimestamp(project.GetProperty("created_at"));
        Api.AssertUtcTimestamp(project.GetProperty("updated_at"));
    }

    [Fact]
    public async Task Create_is_201_with_the_project_in_contract_field_order()
    {
        var user = await api.UserAsync();
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        var project = await CreateAsync(user, """{"name": "Film", "description": "A short film"}""");

        AssertProject(project, null, "Film", "A short film", 0);
        var created = Api.AssertUtcTimestamp(project.GetProperty("created_at"));
        Assert.InRange(created, before, DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.Equal(project.GetProperty("created_at").GetString(), project.GetProperty("updated_at").GetString());
    }

    [Fact]
    public async Task Description_is_optional_and_defaults_to_empty()
    {
        var user = await api.UserAsync();

        var project = await CreateAsync(user, """{"name": "No description"}""");

        AssertProject(project, null, "No description", "", 0);
    }

    [Fact]
    public async Task Get_returns_the_same_representation_as_create()
    {
        var user = await api.UserAsync();
        var created = await CreateAsync(user, """{"name": "Film", "description": "d"}""");

        var response = await user.Http.GetAsync($"/api/projects/{created.Id()}/");

        await response.AssertJsonAsync(HttpStatusCode.OK, Api.Canonical(created));
    }

    [Fact]
    public async Task Missing_name_is_required()
    {
        var user = await api.UserAsync();

        await (await user.Http.PostJsonAsync("/api/projects/", """{"description": "x"}"""))
            .AssertJsonAsync(HttpStatusCode.BadRequest, """{"name": ["This field is required."]}""");
        await (await user.Http.PostJsonAsync("/api/projects/", "{}"))
            .AssertJsonAsync(HttpStatusCode.BadRequest, """{"name": ["This field is required."]}""");
    }

    [Theory]
    [InlineData("""{"name": ""}""", "This field may not be blank.")]
    [InlineData("""{"name": "   "}""", "This field may not be blank.")]
    [InlineData("""{"name": null}""", "This field may not be null.")]
    public async Task Blank_or_null_name_is_400(string json, string message)
    {
        var user = await api.UserAsync();

        var response = await user.Http.PostJsonAsync("/api/projects/", json);

        await response.AssertJsonAsync(HttpStatusCode.BadRequest, $$"""{"name": ["{{message}}"]}""");
    }

    [Fact]
    public async Task Name_over_200_characters_is_400_and_200_is_fine()
    {
        var user = await api.UserAsync();

        var tooLong = await user.Http.PostJsonAsync("/api/projects/", $$"""{"name": "{{new string('a', 201)}}"}""");
        await tooLong.AssertJsonAsync(HttpStatusCode.BadRequest, """{"name": ["Ensure this field has no more than 200 characters."]}""");

        var longest = await CreateAsync(user, $$"""{"name": "{{new string('b', 200)}}"}""");
        Assert.Equal(200, longest.GetProperty("name").GetString()!.Length);
        var single = await CreateAsync(user, """{"name": "c"}""");
        Assert.Equal("c", single.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Invalid_create_stores_nothing()
    {
        var user = await ApiClient.RegisterAsync(factory);

        await (await user.Http.PostJsonAsync("/api/projects/", """{"name": ""}""")).AssertStatusAsync(HttpStatusCode.BadRequest);

        await (await user.Http.GetAsync("/api/projects/"))
            .AssertJsonAsync(HttpStatusCode.OK, """{"count": 0, "next": null, "previous": null, "results": []}""");
    }

    [Fact]
    public async Task Put_replaces_name_and_description()
    {
        var user = await api.UserAsync();
        var created = await CreateAsync(user, """{"name": "Old", "description": "old text"}""");

        var response = await user.Http.PutJsonAsync($"/api/projects/{created.Id()}/", """{"name": "New", "description": "new text"}""");

        var updated = await response.BodyAsync(HttpStatusCode.OK);
        AssertProject(updated, created.Id(), "New", "new text", 0);
        Assert.Equal(created.GetProperty("created_at").GetString(), updated.GetProperty("created_at").GetString());
        Assert.True(Api.AssertUtcTimestamp(updated.GetProperty("updated_at")) >= Api.AssertUtcTimestamp(created.GetProperty("updated_at")));
        await (await user.Http.GetAsync($"/api/projects/{created.Id()}/")).AssertJsonAsync(HttpStatusCode.OK, Api.Canonical(updated));
    }

    [Fact]
    public async Task Put_without_name_is_required()
    {
        var user = await api.UserAsync();
        var created = await CreateAsync(user, """{"name": "Keep"}""");

        var response = await user.Http.PutJsonAsync($"/api/projects/{created.Id()}/", """{"description": "only this"}""");

        await response.AssertJsonAsync(HttpStatusCode.BadRequest, """{"name": ["This field is required."]}""");
        var after = await (await user.Http.GetAsync($"/api/projects/{created.Id()}/")).BodyAsync(HttpStatusCode.OK);
        AssertProject(after, created.Id(), "Keep", "", 0);
    }

    [Fact]
    public async Task Put_without_description_keeps_it_as_drf_does_and_an_empty_one_clears_it()
    {
        var user = await api.UserAsync();
        var id = (await CreateAsync(user, """{"name": "Old", "description": "kept"}""")).Id();

        var kept = await (await user.Http.PutJsonAsync($"/api/projects/{id}/", """{"name": "New"}""")).BodyAsync(HttpStatusCode.OK);
        AssertProject(kept, id, "New", "kept", 0);

        var cleared = await (await user.Http.PutJsonAsync($"/api/projects/{id}/", """{"name": "New", "description": ""}""")).BodyAsync(HttpStatusCode.OK);
        AssertProject(cleared, id, "New", "", 0);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    public async Task Update_checks_the_name_like_create(string method)
    {
        var user = await api.UserAsync();
        var id = (await CreateAsync(user, """{"name": "Keep"}""")).Id();

        await (await user.Http.SendAsync(new HttpMethod(method), $"/api/projects/{id}/", """{"name": ""}"""))
            .AssertJsonAsync(HttpStatusCode.BadRequest, """{"name": ["This field may not be blank."]}""");
        await (await user.Http.SendAsync(new HttpMethod(method), $"/api/projects/{id}/", $$"""{"name": "{{new string('x', 201)}}"}"""))
            .AssertJsonAsync(HttpStatusCode.BadRequest, """{"name": ["Ensure this field has no more than 200 characters."]}""");
        Assert.Equal("Keep", (await (await user.Http.GetAsync($"/api/projects/{id}/")).BodyAsync(HttpStatusCode.OK)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Patch_changes_only_the_fields_given()
    {
        var user = await api.UserAsync();
        var id = (await CreateAsync(user, """{"name": "Name", "description": "Description"}""")).Id();

        var renamed = await (await user.Http.PatchJsonAsync($"/api/projects/{id}/", """{"name": "Renamed"}""")).BodyAsync(HttpStatusCode.OK);
        AssertProject(renamed, id, "Renamed", "Description", 0);

        var described = await (await user.Http.PatchJsonAsync($"/api/projects/{id}/", """{"description": "Changed"}""")).BodyAsync(HttpStatusCode.OK);
        AssertProject(described, id, "Renamed", "Changed", 0);

        var nothing = await (await user.Http.PatchJsonAsync($"/api/projects/{id}/", "{}")).BodyAsync(HttpStatusCode.OK);
        AssertProject(nothing, id, "Renamed", "Changed", 0);
    }

    [Fact]
    public async Task Delete_is_204_and_the_project_is_gone()
    {
        var user = await api.UserAsync();
        var id = await user.CreateProjectAsync("Doomed");

        var response = await user.Http.DeleteAsync($"/api/projects/{id}/");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        await (await user.Http.GetAsync($"/api/projects/{id}/")).AssertJsonAsync(HttpStatusCode.NotFound, Api.NotFound);
        await (await user.Http.DeleteAsync($"/api/projects/{id}/")).AssertJsonAsync(HttpStatusCode.NotFound, Api.NotFound);
        var listed = (await (await user.Http.GetAsync("/api/projects/?page_size=200")).BodyAsync(HttpStatusCode.OK)).GetProperty("results");
        Assert.DoesNotContain(id, listed.EnumerateArray().Select(p => p.Id()));
    }

    [Fact]
    public async Task Delete_removes_its_boxes_assets_and_stored_files()
    {
        var user = await ApiClient.RegisterAsync(factory);
        var projectId = await user.CreateProjectAsync();
        var boxId = await user.CreateBoxAsync(projectId);
        var asset = await (await user.Http.UploadAsync(boxId)).BodyAsync(HttpStatusCode.Created);
        var stored = Api.StoredPath(factory, asset);
        Assert.True(File.Exists(stored), $"the upload should be on disk at {stored}");

        await (await user.Http.DeleteAsync($"/api/projects/{projectId}/")).AssertStatusAsync(HttpStatusCode.NoContent);

        await (await user.Http.GetAsync($"/api/boxes/{boxId}/")).AssertJsonAsync(HttpStatusCode.NotFound, Api.NotFound);
        await (await user.Http.GetAsync($"/api/assets/{asset.Id()}/")).AssertJsonAsync(HttpStatusCode.NotFound, Api.NotFound);
        await (await user.Http.GetAsync("/api/boxes/")).AssertJsonAsync(HttpStatusCode.OK, """{"count": 0, "next": null, "previous": null, "results": []}""");
        Assert.False(File.Exists(stored), "the stored file should be deleted with its project");
    }

    [Fact]
    public async Task Box_count_counts_the_projects_boxes()
    {
        var user = await ApiClient.RegisterAsync(factory);
        var projectId = await user.CreateProjectAsync();
        var otherProject = await user.CreateProjectAsync("Other");
        await user.CreateBoxAsync(projectId, "A");
        var b = await user.CreateBoxAsync(projectId, "B");
        await user.CreateBoxAsync(otherProject, "C");

        Assert.Equal(2, await BoxCountAsync(user, projectId));
        Assert.Equal(1, await BoxCountAsync(user, otherProject));
        var listed = (await (await user.Http.GetAsync("/api/projects/")).BodyAsync(HttpStatusCode.OK)).GetProperty("results")
            .EnumerateArray().Single(p => p.Id() == projectId);
        Assert.Equal(2, listed.GetProperty("box_count").GetInt32());

        await (await user.Http.DeleteAsync($"/api/boxes/{b}/")).AssertStatusAsync(HttpStatusCode.NoContent);
        Assert.Equal(1, await BoxCountAsync(user, projectId));

        var patched = await (await user.Http.PatchJsonAsync($"/api/projects/{projectId}/", """{"name": "Counted"}""")).BodyAsync(HttpStatusCode.OK);
        Assert.Equal(1, patched.GetProperty("box_count").GetInt32());
    }

    [Fact]
    public async Task List_shows_own_projects_in_a_drf_page()
    {
        var user = await ApiClient.RegisterAsync(factory);
        var a = await user.CreateProjectAsync("A");
        var b = await user.CreateProjectAsync("B");

        var page = await (await user.Http.GetAsync("/api/projects/")).BodyAsync(HttpStatusCode.OK);

        Api.AssertKeys(page, Api.PageFields);
        Assert.Equal(2, page.GetProperty("count").GetInt32());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
        Assert.Equal(JsonValueKind.Null, page.GetProperty("previous").ValueKind);
        var results = page.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(new[] { a, b }.Order(), results.Select(r => r.Id()).Order());
        Assert.All(results, r => Api.AssertKeys(r, Api.ProjectFields));
        var single = await (await user.Http.GetAsync($"/api/projects/{a}/")).BodyAsync(HttpStatusCode.OK);
        Assert.Equal(Api.Canonical(single), Api.Canonical(results.Single(r => r.Id() == a)));
    }

    [Fact]
    public async Task Non_numeric_or_unknown_ids_are_404()
    {
        var user = await api.UserAsync();

        foreach (var path in new[] { "/api/projects/999999/", "/api/projects/abc/", "/api/projects/0/", "/api/projects/-1/", "/api/projects/99999999999999/" })
        {
            await (await user.Http.GetAsync(path)).AssertJsonAsync(HttpStatusCode.NotFound, Api.NotFound);
            await (await user.Http.PutJsonAsync(path, """{"name": "x"}""")).AssertJsonAsync(HttpStatusCode.NotFound, Api.NotFound);
            await (await user.Http.PatchJsonAsync(path, """{"name": "x"}""")).AssertJsonAsync(HttpStatusCode.NotFound, Api.NotFound);
            await (await user.Http.DeleteAsync(path)).AssertJsonAsync(HttpStatusCode.NotFound, Api.NotFound);
        }
    }

    private static async Task<int> BoxCountAsync(ApiClient user, int projectId) =>
        (await (await user.Http.GetAsync($"/api/projects/{projectId}/")).BodyAsync(HttpStatusCode.OK)).GetProperty("box_count").GetInt32();
}

public sealed class ProjectTestsOnSqlite(SharedApi api) : ProjectTests(api), IClassFixture<SharedApi>;

public sealed class ProjectTestsOnPostgreSql(SharedApiOnPostgreSql api) : ProjectTests(api), IClassFixture<SharedApiOnPostgreSql>;
