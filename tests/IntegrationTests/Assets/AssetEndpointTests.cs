using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AssetManager.IntegrationTests.Fixtures;
using AssetManager.IntegrationTests.Uploads;

namespace AssetManager.IntegrationTests.Assets;

/// <summary>Contract section 5: listing with filters and ordering, detail, PATCH, DELETE and cascades to the stored objects.</summary>
public abstract class AssetEndpointTests(S3ServiceFixture fx)
{
    /// <summary>A fresh user with two boxes: A holds a favourite JPEG (model 2) and a video; B a favourite PNG (model 6) and a video.</summary>
    private async Task<Scene> SceneAsync()
    {
        var client = await ApiClient.RegisterAsync(fx.Factory);
        var project = await client.CreateProjectAsync();
        var a = await client.CreateBoxAsync(project, "Scene A");
        var b = await client.CreateBoxAsync(project, "Scene B");
        var assets = new List<JsonObject>
        {
            await client.UploadOkAsync(a, UploadForm.WithFile("a.jpg", SampleFiles.Jpeg()).Field("is_favorite", "true").Field("ai_model", "2")),
            await client.UploadOkAsync(a, UploadForm.WithFile("a.mp4", SampleFiles.Mp4())),
            await client.UploadOkAsync(b, UploadForm.WithFile("b.png", SampleFiles.Png()).Field("is_favorite", "true").Field("ai_model", "6")),
            await client.UploadOkAsync(b, UploadForm.WithFile("b.mp4", SampleFiles.Mp4()).Field("is_favorite", "yes")),
        };
        return new Scene(client, project, a, b, assets);
    }

    private sealed record Scene(ApiClient Client, int Project, int BoxA, int BoxB, List<JsonObject> Assets)
    {
        public int Id(int index) => (int)Assets[index]["id"]!;
    }

    [Fact]
    public async Task List_is_paginated_newest_first_and_only_the_callers()
    {
        var scene = await SceneAsync();
        var stranger = await ApiClient.RegisterAsync(fx.Factory);
        await stranger.UploadJpegAsync(await stranger.CreateBoxAsync());

        var page = await GetAsync(scene.Client, "/api/assets/");

        Assert.Equal(4, (int)page["count"]!);
        Assert.Null(page["next"]);
        Assert.Null(page["previous"]);
        Assert.Equal([scene.Id(3), scene.Id(2), scene.Id(1), scene.Id(0)], Ids(page));
        var first = page["results"]![0]!.AsObject();
        Assert.Equal(Api.AssetFieldOrder, first.Select(p => p.Key).Take(Api.AssetFieldOrder.Length));
        Assert.True(JsonNode.DeepEquals(Uploads.Api.OwnersFields(scene.Assets[3]), Uploads.Api.OwnersFields(first)), first.ToJsonString());
    }

    [Fact]
    public async Task Filters_box_asset_type_is_favorite_and_ai_model()
    {
        var s = await SceneAsync();
        Assert.Equal([s.Id(1), s.Id(0)], Ids(await GetAsync(s.Client, $"/api/assets/?box={s.BoxA}")));
        Assert.Equal([s.Id(3), s.Id(1)], Ids(await GetAsync(s.Client, "/api/assets/?asset_type=VIDEO")));
        Assert.Equal([s.Id(2), s.Id(0)], Ids(await GetAsync(s.Client, "/api/assets/?asset_type=IMAGE")));
        Assert.Equal([s.Id(3), s.Id(2), s.Id(0)], Ids(await GetAsync(s.Client, "/api/assets/?is_favorite=true")));
        Assert.Equal([s.Id(1)], Ids(await GetAsync(s.Client, "/api/assets/?is_favorite=false")));
        Assert.Equal([s.Id(2)], Ids(await GetAsync(s.Client, "/api/assets/?ai_model=6")));
        Assert.Equal([s.Id(2)], Ids(await GetAsync(s.Client, $"/api/assets/?box={s.BoxB}&asset_type=IMAGE&is_favorite=true")));
        Assert.Empty(Ids(await GetAsync(s.Client, "/api/assets/?ai_model=5")));
    }

    [Fact]
    public async Task Filtering_on_someone_elses_box_shows_nothing_of_theirs()
    {
        var s = await SceneAsync();
        var stranger = await ApiClient.RegisterAsync(fx.Factory);
        var page = await GetAsync(stranger, $"/api/assets/?box={s.BoxA}");
        Assert.Equal(0, (int)page["count"]!);
    }

    [Fact]
    public async Task Ordering_by_created_at_both_ways()
    {
        var s = await SceneAsync();
        Assert.Equal([s.Id(0), s.Id(1), s.Id(2), s.Id(3)], Ids(await GetAsync(s.Client, "/api/assets/?ordering=created_at")));
        Assert.Equal([s.Id(3), s.Id(2), s.Id(1), s.Id(0)], Ids(await GetAsync(s.Client, "/api/assets/?ordering=-created_at")));
        var created = (await GetAsync(s.Client, "/api/assets/?ordering=created_at"))["results"]!.AsArray()
            .Select(a => DateTime.Parse((string)a!["created_at"]!).ToUniversalTime()).ToList();
        Assert.Equal(created.Order(), created);
    }

    [Fact]
    public async Task Pagination_with_page_size()
    {
        var s = await SceneAsync();
        var first = await GetAsync(s.Client, "/api/assets/?page_size=3");
        Assert.Equal(4, (int)first["count"]!);
        Assert.Equal(3, first["results"]!.AsArray().Count);
        Assert.NotNull((string?)first["next"]);
        var second = await GetAsync(s.Client, (string)first["next"]!);
        Assert.Equal([s.Id(0)], Ids(second));
    }

    [Fact]
    public async Task One_boxs_assets_with_the_same_filters()
    {
        var s = await SceneAsync();
        Assert.Equal([s.Id(3), s.Id(2)], Ids(await GetAsync(s.Client, $"/api/boxes/{s.BoxB}/assets/")));
        Assert.Equal([s.Id(3), s.Id(2)], Ids(await GetAsync(s.Client, $"/api/boxes/{s.BoxB}/assets")));
        Assert.Equal([s.Id(3)], Ids(await GetAsync(s.Client, $"/api/boxes/{s.BoxB}/assets/?asset_type=VIDEO")));
        Assert.Equal([s.Id(0), s.Id(1)], Ids(await GetAsync(s.Client, $"/api/boxes/{s.BoxA}/assets/?ordering=created_at")));

        var stranger = await ApiClient.RegisterAsync(fx.Factory);
        using var response = await stranger.Http.GetAsync($"/api/boxes/{s.BoxA}/assets/");
        await Api.AssertJsonAsync(response, HttpStatusCode.NotFound, Api.NotFound);
    }

    [Fact]
    public async Task Detail_is_the_uploaded_asset_and_404_for_anyone_else()
    {
        var s = await SceneAsync();
        var detail = await GetAsync(s.Client, $"/api/assets/{s.Id(0)}/");
        Assert.True(JsonNode.DeepEquals(Uploads.Api.OwnersFields(s.Assets[0]), Uploads.Api.OwnersFields(detail)), detail.ToJsonString());
        Assert.Equal("DALL-E 3", (string)detail["ai_model_name"]!);
        Assert.Equal("Scene A", (string)detail["box_name"]!);

        var stranger = await ApiClient.RegisterAsync(fx.Factory);
        using var others = await stranger.Http.GetAsync($"/api/assets/{s.Id(0)}/");
        await Api.AssertJsonAsync(others, HttpStatusCode.NotFound, Api.NotFound);
        using var missing = await s.Client.Http.GetAsync("/api/assets/99999999/");
        await Api.AssertJsonAsync(missing, HttpStatusCode.NotFound, Api.NotFound);
    }

    [Fact]
    public async Task Patch_changes_each_field_and_keeps_the_rest()
    {
        var s = await SceneAsync();
        var id = s.Id(1);
        var original = s.Assets[1];

        var prompt = await PatchOkAsync(s.Client, id, new { prompt_text = "New prompt" });
        Assert.Equal("New prompt", (string)prompt["prompt_text"]!);
        Assert.False((bool)prompt["is_favorite"]!);

        var favorite = await PatchOkAsync(s.Client, id, new { is_favorite = true });
        Assert.True((bool)favorite["is_favorite"]!);
        Assert.Equal("New prompt", (string)favorite["prompt_text"]!);

        var model = await PatchOkAsync(s.Client, id, new { ai_model = 7 });
        Assert.Equal(7, (int)model["ai_model"]!);
        Assert.Equal("Veo 3", (string)model["ai_model_name"]!);

        var noModel = await PatchOkAsync(s.Client, id, new { ai_model = (int?)null });
        Assert.Null(noModel["ai_model"]);
        Assert.Null(noModel["ai_model_name"]);

        var config = await PatchOkAsync(s.Client, id, new { generation_config = new { steps = 40, motion = "slow" } });
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"steps": 40, "motion": "slow"}"""), config["generation_config"]));

        var seed = await PatchOkAsync(s.Client, id, new { seed = long.MaxValue });
        Assert.Equal(long.MaxValue, (long)seed["seed"]!);
        var noSeed = await PatchOkAsync(s.Client, id, new { seed = (long?)null });
        Assert.Null(noSeed["seed"]);

        Assert.Equal((string)original["file_url"]!, (string)noSeed["file_url"]!);
        Assert.Equal((string)original["asset_type"]!, (string)noSeed["asset_type"]!);
        Assert.Equal((string)original["created_at"]!, (string)noSeed["created_at"]!);
        Assert.True(DateTime.Parse((string)noSeed["updated_at"]!) >= DateTime.Parse((string)original["updated_at"]!));
        Assert.Equal(Api.AssetFieldOrder, noSeed.Select(p => p.Key).Take(Api.AssetFieldOrder.Length));
        Assert.True(JsonNode.DeepEquals(Uploads.Api.OwnersFields(noSeed), Uploads.Api.OwnersFields(await GetAsync(s.Client, $"/api/assets/{id}/"))));
    }

    [Fact]
    public async Task Patch_moves_an_asset_to_another_own_box()
    {
        var s = await SceneAsync();
        var otherProjectBox = await s.Client.CreateBoxAsync(await s.Client.CreateProjectAsync("Second"), "Elsewhere");

        var moved = await PatchOkAsync(s.Client, s.Id(0), new { box = s.BoxB });
        Assert.Equal(s.BoxB, (int)moved["box"]!);
        Assert.Equal("Scene B", (string)moved["box_name"]!);
        Assert.Contains(s.Id(0), Ids(await GetAsync(s.Client, $"/api/boxes/{s.BoxB}/assets/")));
        Assert.DoesNotContain(s.Id(0), Ids(await GetAsync(s.Client, $"/api/boxes/{s.BoxA}/assets/")));

        var across = await PatchOkAsync(s.Client, s.Id(0), new { box = otherProjectBox });
        Assert.Equal("Elsewhere", (string)across["box_name"]!);
        Assert.Equal((string)s.Assets[0]["file_url"]!, (string)across["file_url"]!);
    }

    [Fact]
    public async Task Patch_refusals()
    {
        var s = await SceneAsync();
        var stranger = await ApiClient.RegisterAsync(fx.Factory);
        var strangersBox = await stranger.CreateBoxAsync();

        await PatchRefusedAsync(s.Client, s.Id(0), new { box = strangersBox }, HttpStatusCode.BadRequest,
            Api.FieldError("box", $"Invalid pk \"{strangersBox}\" - object does not exist."));
        await PatchRefusedAsync(s.Client, s.Id(0), new { box = 99999999 }, HttpStatusCode.BadRequest,
            Api.FieldError("box", "Invalid pk \"99999999\" - object does not exist."));
        await PatchRefusedAsync(s.Client, s.Id(0), new { ai_model = 99 }, HttpStatusCode.BadRequest,
            Api.FieldError("ai_model", "Invalid pk \"99\" - object does not exist."));
        await PatchRefusedAsync(s.Client, s.Id(0), new { is_favorite = "maybe" }, HttpStatusCode.BadRequest,
            Api.FieldError("is_favorite", "Must be a valid boolean."));
        await PatchRefusedAsync(s.Client, s.Id(0), new { generation_config = new[] { 1, 2 } }, HttpStatusCode.BadRequest,
            Api.FieldError("generation_config", "Value must be a JSON object."));
        await PatchRefusedAsync(s.Client, s.Id(0), new { seed = "abc" }, HttpStatusCode.BadRequest,
            Api.FieldError("seed", "A valid integer is required."));
        await PatchRefusedAsync(stranger, s.Id(0), new { prompt_text = "mine now" }, HttpStatusCode.NotFound, Api.NotFound);

        var unchanged = await GetAsync(s.Client, $"/api/assets/{s.Id(0)}/");
        // what the owner can change is as it was (renditions may have been made meanwhile)
        Assert.True(JsonNode.DeepEquals(Uploads.Api.OwnersFields(s.Assets[0]), Uploads.Api.OwnersFields(unchanged)), unchanged.ToJsonString());
        Assert.Equal(s.BoxA, (int)Db.Scalar(fx.Factory, """SELECT "BoxId" FROM "Assets" WHERE "Id" = @id""", ("@id", s.Id(0))));
    }

    [Fact]
    public async Task Delete_is_204_and_removes_the_stored_object()
    {
        var s = await SceneAsync();
        var key = fx.KeyOf(s.Assets[2]);
        Assert.True(await Bucketing.ExistsAsync(fx.S3, fx.Bucket, key));

        var stranger = await ApiClient.RegisterAsync(fx.Factory);
        using (var refused = await stranger.Http.DeleteAsync($"/api/assets/{s.Id(2)}/"))
            await Api.AssertJsonAsync(refused, HttpStatusCode.NotFound, Api.NotFound);
        Assert.True(await Bucketing.ExistsAsync(fx.S3, fx.Bucket, key));

        using var deleted = await s.Client.Http.DeleteAsync($"/api/assets/{s.Id(2)}/");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(await deleted.Content.ReadAsByteArrayAsync());
        Assert.False(await Bucketing.ExistsAsync(fx.S3, fx.Bucket, key));
        Assert.Equal(0, Db.Scalar(fx.Factory, """SELECT COUNT(*) FROM "Assets" WHERE "Id" = @id""", ("@id", s.Id(2))));
        using (var again = await s.Client.Http.GetAsync($"/api/assets/{s.Id(2)}/"))
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        using (var twice = await s.Client.Http.DeleteAsync($"/api/assets/{s.Id(2)}/"))
            Assert.Equal(HttpStatusCode.NotFound, twice.StatusCode);
        foreach (var other in new[] { 0, 1, 3 })
            Assert.True(await Bucketing.ExistsAsync(fx.S3, fx.Bucket, fx.KeyOf(s.Assets[other])));
    }

    [Fact]
    public async Task Deleting_a_box_removes_its_assets_objects_only()
    {
        var s = await SceneAsync();
        using var deleted = await s.Client.Http.DeleteAsync($"/api/boxes/{s.BoxA}/");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        Assert.False(await Bucketing.ExistsAsync(fx.S3, fx.Bucket, fx.KeyOf(s.Assets[0])));
        Assert.False(await Bucketing.ExistsAsync(fx.S3, fx.Bucket, fx.KeyOf(s.Assets[1])));
        Assert.True(await Bucketing.ExistsAsync(fx.S3, fx.Bucket, fx.KeyOf(s.Assets[2])));
        Assert.True(await Bucketing.ExistsAsync(fx.S3, fx.Bucket, fx.KeyOf(s.Assets[3])));
        Assert.Equal(0, Db.CountAssets(fx.Factory, s.BoxA));
        Assert.Equal(2, Db.CountAssets(fx.Factory, s.BoxB));
    }

    [Fact]
    public async Task Deleting_a_project_removes_every_assets_object()
    {
        var s = await SceneAsync();
        var keepBox = await s.Client.CreateBoxAsync(await s.Client.CreateProjectAsync("Keep"), "Kept");
        var kept = await s.Client.UploadJpegAsync(keepBox);

        using var deleted = await s.Client.Http.DeleteAsync($"/api/projects/{s.Project}/");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        foreach (var asset in s.Assets)
            Assert.False(await Bucketing.ExistsAsync(fx.S3, fx.Bucket, fx.KeyOf(asset)));
        Assert.True(await Bucketing.ExistsAsync(fx.S3, fx.Bucket, fx.KeyOf(kept)));
        Assert.Equal(0, Db.CountAssets(fx.Factory, s.BoxA) + Db.CountAssets(fx.Factory, s.BoxB));
        Assert.Equal(1, (int)(await GetAsync(s.Client, "/api/assets/"))["count"]!);
    }

    private static async Task<JsonObject> GetAsync(ApiClient client, string url)
    {
        using var response = await client.Http.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private static List<int> Ids(JsonObject page) => page["results"]!.AsArray().Select(a => (int)a!["id"]!).ToList();

    private static async Task<JsonObject> PatchOkAsync(ApiClient client, int id, object body)
    {
        using var response = await client.Http.PatchAsJsonAsync($"/api/assets/{id}/", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PATCH {JsonSerializer.Serialize(body)}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private static async Task PatchRefusedAsync(ApiClient client, int id, object body, HttpStatusCode status, string expectedJson)
    {
        using var response = await client.Http.PatchAsync($"/api/assets/{id}/",
            new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));
        await Api.AssertJsonAsync(response, status, expectedJson);
    }
}

public sealed class AssetEndpointTestsOnSqlite(DefaultS3ServiceFixture fx) : AssetEndpointTests(fx), IClassFixture<DefaultS3ServiceFixture>;

public sealed class AssetEndpointTestsOnPostgreSql(DefaultS3ServiceFixtureOnPostgreSql fx) : AssetEndpointTests(fx), IClassFixture<DefaultS3ServiceFixtureOnPostgreSql>;
