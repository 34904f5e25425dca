using System.Net;
using Amazon.S3.Model;
using AssetManager.IntegrationTests.Conventions;
using AssetManager.IntegrationTests.Fixtures;
using AssetManager.IntegrationTests.Uploads;
using static AssetManager.IntegrationTests.DirectUploads.DirectUploadKit;

namespace AssetManager.IntegrationTests.DirectUploads;

/// <summary>The disk store offers no direct upload: every route says so, after the token and the box.</summary>
public sealed class DirectUploadOnDiskTests(SharedApi api) : IClassFixture<SharedApi>
{
    [Fact]
    public async Task Every_route_answers_that_direct_upload_needs_s3()
    {
        var client = await api.UserAsync();
        var box = await client.CreateBoxAsync();
        const string NeedsS3 = """{"error": "Direct upload needs S3 storage"}""";

        using var asked = await client.RequestAsync(box, new { filename = "a.png", size = 10 });
        using var listed = await client.ListPartsAsync(box, Guid.NewGuid().ToString("N"));
        using var completed = await client.CompleteAsync(box, new { upload_id = Guid.NewGuid().ToString("N") });

        foreach (var response in new[] { asked, listed, completed })
            await Uploads.Api.AssertJsonAsync(response, HttpStatusCode.BadRequest, NeedsS3);
    }
}

/// <summary>A bucket that has a CORS rule of its own before the service first starts.</summary>
public sealed class CorsBucketFixture : S3ServiceFixture
{
    public static readonly CORSRule Theirs = new()
    {
        Id = "theirs", AllowedMethods = ["GET"], AllowedOrigins = ["https://gallery.example.com"], MaxAgeSeconds = 60,
    };

    protected override Task PrepareBucketAsync() => S3.PutCORSConfigurationAsync(new PutCORSConfigurationRequest
    {
        BucketName = Bucket, Configuration = new CORSConfiguration { Rules = [Theirs] },
    });
}

/// <summary>At start the service adds the CORS rule browsers need to PUT to the bucket, beside the bucket's own, once.</summary>
public sealed class BucketCorsTests(CorsBucketFixture fx) : IClassFixture<CorsBucketFixture>
{
    [Fact]
    public async Task The_direct_upload_rule_is_added_beside_the_buckets_own_and_not_again_at_the_next_start()
    {
        using (new ApiFactory(fx.Moto.SettingsFor(fx.Bucket))) { } // a second start on the same bucket

        var rules = (await fx.S3.GetCORSConfigurationAsync(fx.Bucket)).Configuration!.Rules!;

        Assert.Equal(["assetmanager-direct-uploads", "theirs"], rules.Select(r => r.Id).Order());
        var theirs = rules.Single(r => r.Id == "theirs");
        Assert.Equal(["GET"], theirs.AllowedMethods);
        Assert.Equal(["https://gallery.example.com"], theirs.AllowedOrigins);
        var ours = rules.Single(r => r.Id == "assetmanager-direct-uploads");
        Assert.Equal(["PUT"], ours.AllowedMethods);
        Assert.Equal(["*"], ours.AllowedOrigins);
        Assert.Equal(["*"], ours.AllowedHeaders);
        Assert.Equal(["ETag"], ours.ExposeHeaders);
    }
}
