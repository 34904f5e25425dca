using System.Net;
using AssetManager.IntegrationTests.Fixtures;
using AssetManager.IntegrationTests.Uploads;
using static AssetManager.IntegrationTests.DirectUploads.DirectUploadKit;

namespace AssetManager.IntegrationTests.DirectUploads;

/// <summary>
/// Direct uploads valid for 2 s, swept by a maintenance job that runs every second and takes uploads older than 4 s:
/// what expires is 404, what is never completed is removed from the store, object and parts alike.
/// </summary>
public sealed class ShortLivedDirectS3ServiceFixture : DirectS3ServiceFixture
{
    public const int LifetimeSeconds = 2;

    protected override void Configure(Dictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Upload:DirectUploadLifetimeSeconds"] = LifetimeSeconds.ToString();
        settings["Jobs:AbandonedUploadAgeSeconds"] = "4";
        settings["Jobs:MaintenanceIntervalSeconds"] = "1";
    }
}

public sealed class DirectUploadLifetimeTests(ShortLivedDirectS3ServiceFixture fx) : IClassFixture<ShortLivedDirectS3ServiceFixture>
{
    [Fact]
    public async Task An_expired_upload_id_is_404_for_the_listing_and_the_completion()
    {
        var (client, box) = await fx.NewBoxAsync();
        var target = await client.StartAsync(box, "a.png", 2048);
        Assert.Equal(HttpStatusCode.OK, await PutAsync(target, SampleFiles.Png()));
        var id = (string)target["upload_id"]!;

        await Task.Delay(TimeSpan.FromSeconds(ShortLivedDirectS3ServiceFixture.LifetimeSeconds + 0.5));

        await Api.AssertJsonAsync(await client.ListPartsAsync(box, id), HttpStatusCode.NotFound, Api.NotFound);
        await Api.AssertJsonAsync(await client.CompleteAsync(box, new { upload_id = id }), HttpStatusCode.NotFound, Api.NotFound);
        Assert.Equal(0, Db.CountAssets(fx.Factory, box));
    }

    [Fact]
    public async Task Uploads_never_completed_are_removed_from_the_store_and_completed_ones_stay()
    {
        var (client, box) = await fx.NewBoxAsync();
        var single = await client.StartAsync(box, "single.png", 2048);
        Assert.Equal(HttpStatusCode.OK, await PutAsync(single, SampleFiles.Png()));
        var file = LargePng(DirectS3ServiceFixture.PartSize + 1000);
        var multipart = await client.StartAsync(box, "parts.png", file.Length);
        await PutPartAsync(multipart, file, 1);
        var kept = await client.StartAsync(box, "kept.png", 2048);
        Assert.Equal(HttpStatusCode.OK, await PutAsync(kept, SampleFiles.Png()));
        var asset = await BodyAsync(await client.CompleteAsync(box, new { upload_id = (string)kept["upload_id"]! }), HttpStatusCode.Created);
        Assert.True(await Bucketing.ExistsAsync(fx.S3, fx.Bucket, KeyOf(fx, single)));
        // moto dates every multipart upload 2010: only the direct uploads' own sweep keeps it alive while it is pending
        Assert.Contains(await fx.IncompleteUploadsAsync(), u => u.Key == KeyOf(fx, multipart));

        await Api.EventuallyAsync(async () =>
            !await Bucketing.ExistsAsync(fx.S3, fx.Bucket, KeyOf(fx, single))
            && !(await fx.IncompleteUploadsAsync()).Any(u => u.Key == KeyOf(fx, multipart))
            && Db.Scalar(fx.Factory, """SELECT COUNT(*) FROM "DirectUploads" """) == 0,
            "the abandoned direct uploads to be swept", seconds: 30);

        Assert.True(await Bucketing.ExistsAsync(fx.S3, fx.Bucket, fx.KeyOf(asset)));
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync($"/api/assets/{(int)asset["id"]!}/")).StatusCode);
    }
}
