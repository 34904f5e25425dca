using System.Net;
using AssetManager.IntegrationTests.Fixtures;

namespace AssetManager.IntegrationTests.Uploads;

/// <summary>The four tests the original had (contract section 8), through real HTTP against moto.</summary>
public abstract class OriginalUploadTests(S3ServiceFixture fx)
{
    [Fact]
    public async Task Upload_of_an_image()
    {
        var (client, box) = await fx.NewBoxAsync();
        var bytes = SampleFiles.Jpeg();

        var asset = await client.UploadOkAsync(box, UploadForm.WithFile("sunset.jpg", bytes).Field("prompt_text", "A beautiful sunset"));

        Assert.Equal("IMAGE", (string)asset["asset_type"]!);
        Assert.Equal(box, (int)asset["box"]!);
        Assert.Equal("A beautiful sunset", (string)asset["prompt_text"]!);
        Assert.False((bool)asset["is_favorite"]!);
        var key = fx.KeyOf(asset);
        Assert.Matches(Api.UploadKey, key);
        Assert.EndsWith(".jpg", key);
        Assert.Equal(bytes, await Bucketing.ReadAsync(fx.S3, fx.Bucket, key));
        Assert.Equal(1, Db.CountAssets(fx.Factory, box));
    }

    [Fact]
    public async Task Upload_of_a_video()
    {
        var (client, box) = await fx.NewBoxAsync();
        var bytes = SampleFiles.Mp4();

        var asset = await client.UploadOkAsync(box, UploadForm.WithFile("video.mp4", bytes).Field("prompt_text", "Generated video"));

        Assert.Equal("VIDEO", (string)asset["asset_type"]!);
        var key = fx.KeyOf(asset);
        Assert.Matches(Api.UploadKey, key);
        Assert.EndsWith(".mp4", key);
        Assert.Equal(bytes, await Bucketing.ReadAsync(fx.S3, fx.Bucket, key));
        Assert.Equal(1, Db.CountAssets(fx.Factory, box));
    }

    [Fact]
    public async Task Error_when_the_file_is_missing()
    {
        var (client, box) = await fx.NewBoxAsync();
        var before = await fx.KeysAsync();

        using var response = await client.UploadAsync(box, new UploadForm().Field("prompt_text", "no file here").Field("is_favorite", "true"));

        await Api.AssertJsonAsync(response, HttpStatusCode.BadRequest, """{"error": "File is required"}""");
        Assert.Equal(0, Db.CountAssets(fx.Factory, box));
        await fx.AssertBucketUnchangedAsync(before);
    }

    [Fact]
    public async Task Error_when_uploading_into_someone_elses_box()
    {
        var owner = await ApiClient.RegisterAsync(fx.Factory);
        var othersBox = await owner.CreateBoxAsync();
        var intruder = await ApiClient.RegisterAsync(fx.Factory);
        var before = await fx.KeysAsync();

        using var response = await intruder.UploadAsync(othersBox, UploadForm.WithFile("image.jpg", SampleFiles.Jpeg()));

        await Api.AssertJsonAsync(response, HttpStatusCode.NotFound, Api.NotFound);
        Assert.Equal(0, Db.CountAssets(fx.Factory, othersBox));
        await fx.AssertBucketUnchangedAsync(before);
    }

    [Fact]
    public async Task A_box_that_does_not_exist_is_the_same_404()
    {
        var client = await ApiClient.RegisterAsync(fx.Factory);
        using var response = await client.UploadAsync(987654, UploadForm.WithFile("image.jpg", SampleFiles.Jpeg()));
        await Api.AssertJsonAsync(response, HttpStatusCode.NotFound, Api.NotFound);
    }
}

public sealed class OriginalUploadTestsOnSqlite(DefaultS3ServiceFixture fx) : OriginalUploadTests(fx), IClassFixture<DefaultS3ServiceFixture>;

public sealed class OriginalUploadTestsOnPostgreSql(DefaultS3ServiceFixtureOnPostgreSql fx) : OriginalUploadTests(fx), IClassFixture<DefaultS3ServiceFixtureOnPostgreSql>;
