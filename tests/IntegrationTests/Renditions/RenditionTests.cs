using System.Net;
using System.Text.Json.Nodes;
using Amazon.S3;
using Amazon.S3.Model;
using AssetManager.IntegrationTests.Fixtures;
using AssetManager.IntegrationTests.Uploads;

namespace AssetManager.IntegrationTests.Renditions;

/// <summary>Renditions on S3 (moto) settings tuned so that the background work is quick to watch.</summary>
public sealed class QuickJobsS3Fixture : S3ServiceFixture
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Jobs:MaintenanceIntervalSeconds"] = "1";
        settings["Jobs:ResumeAfterSeconds"] = "0";
    }
}

/// <summary>
/// Thumbnails, previews and media facts, made in the background after the 201 (issue "Thumbnails, previews and media
/// facts"): stored as WebP next to the original, public-read, cached for a day; the asset says where they stand.
/// </summary>
public sealed class RenditionTests(QuickJobsS3Fixture fx) : IClassFixture<QuickJobsS3Fixture>
{
    private const string AllUsers = "http://acs.amazonaws.com/groups/global/AllUsers";

    [Fact]
    public async Task An_image_gets_a_thumbnail_a_preview_and_its_size_after_the_201()
    {
        var (client, box) = await fx.NewBoxAsync();
        var picture = MediaSamples.Image(3000, 1500, ".jpg");

        var created = await client.UploadOkAsync(box, UploadForm.WithFile("wide.jpg", picture));
        var asset = await Processing.SettledAsync(client.Http, created.Id());

        Assert.Equal("pending", (string?)created["processing"]);
        Assert.Equal("", (string?)created["thumbnail_url"]);
        Assert.Equal("ready", (string?)asset["processing"]);
        Assert.Equal("", (string?)asset["processing_error"]);
        Assert.Equal(3000, (int?)asset["width"]);
        Assert.Equal(1500, (int?)asset["height"]);
        Assert.Null(asset["duration"]);
        var hex = fx.KeyOf(asset)["uploads/".Length..^".jpg".Length];
        Assert.Equal($"{fx.PublicBase}thumbnails/{hex}.webp", (string?)asset["thumbnail_url"]);
        Assert.Equal($"{fx.PublicBase}previews/{hex}.webp", (string?)asset["preview_url"]);
        Assert.Equal((512, 256), await RenditionAsync($"thumbnails/{hex}.webp"));
        Assert.Equal((2048, 1024), await RenditionAsync($"previews/{hex}.webp"));
        using var anonymous = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync((string)asset["thumbnail_url"]!)).StatusCode);
    }

    [Fact]
    public async Task A_small_image_is_never_enlarged()
    {
        var (client, box) = await fx.NewBoxAsync();

        var created = await client.UploadOkAsync(box, UploadForm.WithFile("small.png", MediaSamples.Image(300, 200)));
        var asset = await Processing.SettledAsync(client.Http, created.Id());

        var hex = fx.KeyOf(asset)["uploads/".Length..^".png".Length];
        Assert.Equal((300, 200), await RenditionAsync($"thumbnails/{hex}.webp"));
        Assert.Equal((300, 200), await RenditionAsync($"previews/{hex}.webp"));
    }

    [Fact]
    public async Task A_video_gets_a_frame_as_its_renditions_and_its_duration()
    {
        var (client, box) = await fx.NewBoxAsync();

        var created = await client.UploadOkAsync(box, UploadForm.WithFile("clip.mp4", await MediaSamples.Mp4Async(640, 360, 2)));
        var asset = await Processing.SettledAsync(client.Http, created.Id());

        Assert.Equal("ready", (string?)asset["processing"]);
        Assert.Equal(640, (int?)asset["width"]);
        Assert.Equal(360, (int?)asset["height"]);
        Assert.InRange((double)asset["duration"]!, 1.9, 2.1);
        var hex = fx.KeyOf(asset)["uploads/".Length..^".mp4".Length];
        Assert.Equal((512, 288), await RenditionAsync($"thumbnails/{hex}.webp"));
        Assert.Equal((640, 360), await RenditionAsync($"previews/{hex}.webp"));
    }

    [Theory]
    [InlineData("truncated.png")]
    [InlineData("bomb.png")]
    [InlineData("random.png")]
    [InlineData("empty-movie.mp4")]
    public async Task A_file_that_cannot_be_processed_fails_with_a_reason_and_the_next_one_is_made(string name)
    {
        var (client, box) = await fx.NewBoxAsync();
        var bytes = name switch
        {
            "truncated.png" => MediaSamples.TruncatedPng(),
            "bomb.png" => MediaSamples.Bomb(),
            "random.png" => SampleFiles.Png(20_000),
            _ => SampleFiles.Mp4(4096),
        };

        var bad = await Processing.SettledAsync(client.Http, (await client.UploadOkAsync(box, UploadForm.WithFile(name, bytes))).Id());
        var good = await Processing.SettledAsync(client.Http, (await client.UploadOkAsync(box, UploadForm.WithFile("fine.png", MediaSamples.Image(64, 64)))).Id());

        Assert.Equal("failed", (string?)bad["processing"]);
        Assert.NotEqual("", (string?)bad["processing_error"]);
        Assert.DoesNotContain("/tmp", (string?)bad["processing_error"]); // no server path in what users see
        Assert.Equal("", (string?)bad["thumbnail_url"]);
        Assert.Equal("ready", (string?)good["processing"]);
        if (name == "bomb.png") Assert.Contains("pixel", (string?)bad["processing_error"], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Deleting_an_asset_deletes_its_renditions_with_the_original()
    {
        var (client, box) = await fx.NewBoxAsync();
        var asset = await Processing.SettledAsync(client.Http,
            (await client.UploadOkAsync(box, UploadForm.WithFile("p.png", MediaSamples.Image(100, 80)))).Id());
        var hex = fx.KeyOf(asset)["uploads/".Length..^".png".Length];
        Assert.Contains($"thumbnails/{hex}.webp", await fx.KeysAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await client.Http.DeleteAsync($"/api/assets/{asset.Id()}/")).StatusCode);

        var keys = await fx.KeysAsync();
        Assert.DoesNotContain(keys, k => k.Contains(hex));
    }

    [Fact]
    public async Task Deleting_a_box_deletes_every_asset_s_renditions()
    {
        var (client, box) = await fx.NewBoxAsync();
        var first = await client.UploadOkAsync(box, UploadForm.WithFile("a.png", MediaSamples.Image(90, 60)));
        var second = await client.UploadOkAsync(box, UploadForm.WithFile("b.mp4", await MediaSamples.Mp4Async(160, 120, 1)));
        var hexes = new List<string>();
        foreach (var created in new[] { first, second })
        {
            var asset = await Processing.SettledAsync(client.Http, created.Id());
            Assert.Equal("ready", (string?)asset["processing"]);
            hexes.Add(Path.GetFileNameWithoutExtension(fx.KeyOf(asset)));
        }

        Assert.Equal(HttpStatusCode.NoContent, (await client.Http.DeleteAsync($"/api/boxes/{box}/")).StatusCode);

        var keys = await fx.KeysAsync();
        Assert.DoesNotContain(keys, k => hexes.Any(k.Contains));
    }

    [Fact]
    public async Task An_asset_stored_before_renditions_existed_gets_them_from_the_backfill()
    {
        var (client, box) = await fx.NewBoxAsync();
        var asset = await Processing.SettledAsync(client.Http,
            (await client.UploadOkAsync(box, UploadForm.WithFile("old.png", MediaSamples.Image(120, 90)))).Id());
        var hex = Path.GetFileNameWithoutExtension(fx.KeyOf(asset));
        foreach (var key in new[] { $"thumbnails/{hex}.webp", $"previews/{hex}.webp" }) await fx.S3.DeleteObjectAsync(fx.Bucket, key);
        // what the migration leaves of an asset stored before this feature: pending, no renditions, no facts
        Db.Execute(fx.Factory, """
            UPDATE "Assets" SET "Processing" = 'Pending', "ThumbnailKey" = NULL, "ThumbnailUrl" = '', "PreviewKey" = NULL,
                "PreviewUrl" = '', "Width" = NULL, "Height" = NULL, "ChecksumSha256" = NULL, "FileSize" = 0 WHERE "Id" = @id
            """, ("@id", asset.Id()));

        var backfilled = await Processing.SettledAsync(client.Http, asset.Id());

        Assert.Equal("ready", (string?)backfilled["processing"]);
        Assert.Equal((string?)asset["thumbnail_url"], (string?)backfilled["thumbnail_url"]);
        Assert.Equal((string?)asset["checksum_sha256"], (string?)backfilled["checksum_sha256"]);
        Assert.Contains($"thumbnails/{hex}.webp", await fx.KeysAsync());
    }

    private async Task<(int, int)> RenditionAsync(string key)
    {
        var metadata = await fx.S3.GetObjectMetadataAsync(fx.Bucket, key);
        Assert.Equal("image/webp", metadata.Headers.ContentType);
        Assert.Equal("max-age=86400", metadata.Headers.CacheControl);
        var acl = await fx.S3.GetObjectAclAsync(new GetObjectAclRequest { BucketName = fx.Bucket, Key = key });
        Assert.Contains(acl.Grants!, g => g.Grantee?.URI == AllUsers && g.Permission == S3Permission.READ);
        return MediaSamples.SizeOf(await Bucketing.ReadAsync(fx.S3, fx.Bucket, key));
    }
}
