using System.Net;
using System.Net.Http.Json;
using AssetManager.IntegrationTests.Fixtures;

namespace AssetManager.IntegrationTests.Uploads;

/// <summary>
/// ADR 5: a box an upload found is remembered for 30 s with its owner and name. A change made through this service
/// acts at once; one made by another instance (here: behind the service's back) shows in the answer's box_name only
/// after that, and a box deleted there is still refused, by the insert's foreign key, with nothing kept.
/// </summary>
public abstract class RememberedBoxTests(S3ServiceFixture fx)
{
    [Fact]
    public async Task A_box_deleted_by_another_instance_while_remembered_is_404_and_the_bucket_keeps_nothing()
    {
        var (client, box) = await fx.NewBoxAsync();
        await client.UploadJpegAsync(box);
        var keys = await fx.KeysAsync();

        Db.Execute(fx.Factory, """DELETE FROM "Boxes" WHERE "Id" = @id""", ("@id", box));
        using var response = await client.UploadAsync(box, UploadForm.WithFile("a.jpg", SampleFiles.Jpeg()).Field("prompt_text", "p"));

        await Api.AssertJsonAsync(response, HttpStatusCode.NotFound, """{"detail": "Not found."}""");
        await fx.AssertBucketUnchangedAsync(keys);
        Assert.Equal(0, Db.CountAssets(fx.Factory, box));
    }

    [Fact]
    public async Task A_box_renamed_here_is_named_anew_by_the_next_upload()
    {
        var (client, box) = await fx.NewBoxAsync();
        await client.UploadJpegAsync(box);

        (await client.Http.PatchAsJsonAsync($"/api/boxes/{box}/", new { name = "Scene 2" })).EnsureSuccessStatusCode();

        Assert.Equal("Scene 2", (string)(await client.UploadJpegAsync(box))["box_name"]!);
    }

    [Fact]
    public async Task A_box_renamed_by_another_instance_keeps_its_old_name_in_answers_for_the_remembered_lifetime()
    {
        using var factory = new ApiFactory(new Dictionary<string, string?> { ["Upload:RememberBoxesSeconds"] = "30" }, fx.Factory.Database);

        Assert.Equal("Scene 1", await BoxNameAfterARenameElsewhereAsync(factory));
    }

    [Fact]
    public async Task Unless_set_boxes_are_remembered_on_sqlite_alone()
    {
        using var factory = new ApiFactory(database: fx.Factory.Database);

        var expected = fx.Factory.Database == Infrastructure.Persistence.DatabaseProvider.Sqlite ? "Scene 1" : "Renamed";
        Assert.Equal(expected, await BoxNameAfterARenameElsewhereAsync(factory));
    }

    [Fact]
    public async Task With_remembering_off_a_box_renamed_by_another_instance_is_named_anew_at_once()
    {
        using var factory = new ApiFactory(new Dictionary<string, string?> { ["Upload:RememberBoxesSeconds"] = "0" }, fx.Factory.Database);

        Assert.Equal("Renamed", await BoxNameAfterARenameElsewhereAsync(factory));
    }

    private static async Task<string> BoxNameAfterARenameElsewhereAsync(ApiFactory factory)
    {
        var client = await ApiClient.RegisterAsync(factory);
        var box = await client.CreateBoxAsync();
        Assert.Equal("Scene 1", (string)(await client.UploadJpegAsync(box))["box_name"]!);

        Db.Execute(factory, """UPDATE "Boxes" SET "Name" = 'Renamed' WHERE "Id" = @id""", ("@id", box));

        return (string)(await client.UploadJpegAsync(box))["box_name"]!;
    }
}

public sealed class RememberedBoxTestsOnSqlite(DefaultS3ServiceFixture fx) : RememberedBoxTests(fx), IClassFixture<DefaultS3ServiceFixture>;

public sealed class RememberedBoxTestsOnPostgreSql(DefaultS3ServiceFixtureOnPostgreSql fx) : RememberedBoxTests(fx), IClassFixture<DefaultS3ServiceFixtureOnPostgreSql>;
