using System.Net;
using Amazon.S3.Model;
using AssetManager.IntegrationTests.Conventions;
using AssetManager.IntegrationTests.Fixtures;
using AssetManager.IntegrationTests.Uploads;

namespace AssetManager.IntegrationTests.Storage;

/// <summary>
/// A store that was down when the service started, or whose bucket went away: uploads work as soon as the store does,
/// without a restart (the bucket is created when a write finds it missing).
/// </summary>
public sealed class MissingBucketTests : IAsyncLifetime
{
    private readonly MotoServer _moto = new();
    private readonly string _bucket = "late-" + Guid.NewGuid().ToString("N")[..12];
    private ApiFactory _factory = null!;

    public Task InitializeAsync()
    {
        // moto is not running yet: the start-up check fails and the service starts anyway
        _factory = new ApiFactory(_moto.SettingsFor(_bucket));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_store_down_at_start_up_takes_uploads_once_it_is_up()
    {
        var user = await ApiClient.RegisterAsync(_factory);
        var box = await user.CreateBoxAsync();
        await _moto.StartAsync();
        using var s3 = _moto.CreateClient();

        var small = await (await Conventions.Api.UploadAsync(user.Http, box)).BodyAsync(HttpStatusCode.Created);

        Assert.Contains(_bucket, small.GetProperty("file_url").GetString());
        Assert.Single(await Bucketing.KeysAsync(s3, _bucket));
    }

    [Theory]
    [InlineData(1000)]             // one PUT
    [InlineData(12 * 1024 * 1024)] // a multipart upload
    public async Task A_bucket_removed_while_running_is_created_again_by_the_next_upload(int size)
    {
        var user = await ApiClient.RegisterAsync(_factory);
        var box = await user.CreateBoxAsync();
        await _moto.StartAsync();
        using var s3 = _moto.CreateClient();
        await (await Conventions.Api.UploadAsync(user.Http, box)).AssertStatusAsync(HttpStatusCode.Created);
        foreach (var key in await Bucketing.KeysAsync(s3, _bucket)) await s3.DeleteObjectAsync(_bucket, key);
        await s3.DeleteBucketAsync(new DeleteBucketRequest { BucketName = _bucket });

        var asset = await (await Conventions.Api.UploadAsync(user.Http, box, SampleFiles.Png(size))).BodyAsync(HttpStatusCode.Created);

        Assert.Equal([asset.GetProperty("file_url").GetString()!.Split('/')[^1]],
            (await Bucketing.KeysAsync(s3, _bucket)).Select(k => k.Split('/')[^1]));
    }

    public async Task DisposeAsync()
    {
        _factory.Dispose();
        await _moto.DisposeAsync();
    }
}
