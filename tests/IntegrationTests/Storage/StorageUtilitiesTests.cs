using AssetManager.Application.Common.Storage;
using AssetManager.Domain.Assets;
using AssetManager.Domain.Common;
using AssetManager.IntegrationTests.Fixtures;
using AssetManager.IntegrationTests.Uploads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AssetManager.IntegrationTests.Storage;

/// <summary>
/// Contract section 7: the counterparts of s3_utils.py (upload_file_to_s3, detect_asset_type, delete_file_from_s3),
/// resolved from the running service and used against moto.
/// </summary>
public sealed class StorageUtilitiesTests(DefaultS3ServiceFixture fx) : IClassFixture<DefaultS3ServiceFixture>
{
    private IObjectStorage Storage => fx.Factory.Services.GetRequiredService<IObjectStorage>();

    [Fact]
    public async Task Upload_unique_returns_the_public_url_and_a_new_name_keeping_the_extension()
    {
        var bytes = SampleFiles.Jpeg();

        var (fileUrl, fileName, key) = await Storage.UploadUniqueAsync(new MemoryStream(bytes), ".JPG", "image/jpeg", CancellationToken.None);

        Assert.Matches("^[0-9a-f]{32}\\.jpg$", fileName);
        Assert.Equal($"uploads/{fileName}", key);
        Assert.Equal($"{fx.PublicBase}uploads/{fileName}", fileUrl);
        Assert.Equal(bytes, await Bucketing.ReadAsync(fx.S3, fx.Bucket, key));
        var metadata = await fx.S3.GetObjectMetadataAsync(fx.Bucket, key);
        Assert.Equal("image/jpeg", metadata.Headers.ContentType);
        Assert.Equal("max-age=86400", metadata.Headers.CacheControl);

        var (_, secondName, _) = await Storage.UploadUniqueAsync(new MemoryStream(bytes), ".jpg", "image/jpeg", CancellationToken.None);
        Assert.NotEqual(fileName, secondName);
    }

    [Fact]
    public async Task Upload_unique_into_another_folder()
    {
        var (fileUrl, fileName, key) = await Storage.UploadUniqueAsync(
            new MemoryStream(SampleFiles.Png()), ".png", "image/png", CancellationToken.None, folder: "thumbnails");
        Assert.Equal($"thumbnails/{fileName}", key);
        Assert.Equal($"{fx.PublicBase}thumbnails/{fileName}", fileUrl);
        Assert.True(await Bucketing.ExistsAsync(fx.S3, fx.Bucket, key));
    }

    [Theory]
    [InlineData(4096)] // single PUT
    [InlineData(600 * 1024)] // multipart upload
    public async Task An_existing_key_is_never_overwritten(int size)
    {
        var original = SampleFiles.Png(size);
        var (_, _, key) = await Storage.UploadUniqueAsync(new MemoryStream(original), ".png", "image/png", CancellationToken.None);

        await Assert.ThrowsAsync<StorageFailedException>(() =>
            Storage.PutAsync(key, new MemoryStream(SampleFiles.Png(size)), "image/png", 0, CancellationToken.None));

        Assert.Equal(Api.Sha256(original), Api.Sha256(await Bucketing.ReadAsync(fx.S3, fx.Bucket, key)));
        Assert.Empty(await fx.IncompleteUploadsAsync());
    }

    [Fact]
    public async Task Delete_by_url_is_true_for_our_object_then_false_once_it_is_gone()
    {
        var (url, _, key) = await Storage.UploadUniqueAsync(new MemoryStream(SampleFiles.Jpeg()), ".jpg", "image/jpeg", CancellationToken.None);

        Assert.True(await Storage.DeleteByUrlAsync(url, NullLogger.Instance, CancellationToken.None));
        Assert.False(await Bucketing.ExistsAsync(fx.S3, fx.Bucket, key));
        Assert.False(await Storage.DeleteByUrlAsync(url, NullLogger.Instance, CancellationToken.None));
    }

    [Fact]
    public async Task Delete_by_url_of_an_uploaded_asset()
    {
        var (client, box) = await fx.NewBoxAsync();
        var asset = await client.UploadJpegAsync(box);
        Assert.True(await Storage.DeleteByUrlAsync((string)asset["file_url"]!, NullLogger.Instance, CancellationToken.None));
        Assert.False(await Bucketing.ExistsAsync(fx.S3, fx.Bucket, fx.KeyOf(asset)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("https://example.com/uploads/0123456789abcdef0123456789abcdef.jpg")]
    [InlineData("ftp://127.0.0.1/uploads/x.jpg")]
    public async Task Delete_by_url_is_false_for_a_url_that_is_not_ours(string url) =>
        Assert.False(await Storage.DeleteByUrlAsync(url, NullLogger.Instance, CancellationToken.None));

    [Fact]
    public async Task Delete_by_url_is_false_for_a_missing_key_or_a_path_that_climbs_out()
    {
        Assert.False(await Storage.DeleteByUrlAsync($"{fx.PublicBase}uploads/0123456789abcdef0123456789abcdef.jpg", NullLogger.Instance, CancellationToken.None));
        Assert.False(await Storage.DeleteByUrlAsync($"{fx.PublicBase}", NullLogger.Instance, CancellationToken.None));
        Assert.False(await Storage.DeleteByUrlAsync($"{fx.PublicBase}uploads/../uploads/x.jpg", NullLogger.Instance, CancellationToken.None));
        Assert.False(await Storage.DeleteByUrlAsync($"{fx.PublicBase}uploads//x.jpg", NullLogger.Instance, CancellationToken.None));
    }

    [Fact]
    public async Task Delete_by_url_leaves_another_buckets_object_alone()
    {
        var other = fx.Bucket + "-other";
        await fx.S3.PutBucketAsync(other);
        await fx.S3.PutObjectAsync(new() { BucketName = other, Key = "uploads/victim.jpg", ContentBody = "x" });
        var (url, _, key) = await Storage.UploadUniqueAsync(new MemoryStream(SampleFiles.Jpeg()), ".jpg", "image/jpeg", CancellationToken.None);

        var foreign = $"http://127.0.0.1:{fx.Moto.Port}/{other}/uploads/victim.jpg";
        Assert.False(await Storage.DeleteByUrlAsync(foreign, NullLogger.Instance, CancellationToken.None));
        Assert.True(await Bucketing.ExistsAsync(fx.S3, other, "uploads/victim.jpg"));

        // The same key name in our bucket is only reached through our URL.
        Assert.True(await Storage.DeleteByUrlAsync(url, NullLogger.Instance, CancellationToken.None));
        Assert.False(await Bucketing.ExistsAsync(fx.S3, fx.Bucket, key));
    }

    [Theory]
    [InlineData("image.jpg", "IMAGE")]
    [InlineData("IMAGE.JPEG", "IMAGE")]
    [InlineData("a.png", "IMAGE")]
    [InlineData("a.gif", "IMAGE")]
    [InlineData("a.webp", "IMAGE")]
    [InlineData("a.bmp", "IMAGE")]
    [InlineData("a.SVG", "IMAGE")]
    [InlineData("video.mp4", "VIDEO")]
    [InlineData("a.mov", "VIDEO")]
    [InlineData("a.avi", "VIDEO")]
    [InlineData("a.mkv", "VIDEO")]
    [InlineData("a.webm", "VIDEO")]
    [InlineData("a.flv", "VIDEO")]
    [InlineData("a.WMV", "VIDEO")]
    [InlineData("folder/sub/clip.mp4", "VIDEO")]
    [InlineData("my.photo.final.jpg", "IMAGE")]
    [InlineData("setup.exe", null)]
    [InlineData("README", null)]
    [InlineData("archive.tar.gz", null)]
    [InlineData("jpg", null)]
    [InlineData("video.mp4.txt", null)]
    public void Detect_asset_type_by_extension(string fileName, string? expected)
    {
        var detector = fx.Factory.Services.GetRequiredService<IAssetTypeDetector>();
        var type = detector.FromFileName(fileName)?.AssetType;
        Assert.Equal(expected, type switch { AssetType.Image => "IMAGE", AssetType.Video => "VIDEO", null => null, _ => "?" });
    }
}
