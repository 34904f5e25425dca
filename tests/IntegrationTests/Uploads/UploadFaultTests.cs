using System.Net;
using System.Text.Json.Nodes;
using AssetManager.Application.Common.Storage;
using AssetManager.IntegrationTests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AssetManager.IntegrationTests.Uploads;

/// <summary>"Nothing is half-done": the store goes down (this class has its own moto server, stopped and started again).</summary>
public sealed class StoreDownTests(OwnMotoS3ServiceFixture fx) : IClassFixture<OwnMotoS3ServiceFixture>
{
    // One stop and one restart (moto is slow to start): every check that needs the store down is made in between.
    [Fact]
    public async Task While_the_store_is_down_uploads_are_500_with_no_row_and_delete_by_url_is_false()
    {
        var (client, box) = await fx.NewBoxAsync();
        var storage = fx.Factory.Services.GetRequiredService<IObjectStorage>();
        var (url, _, _) = await storage.UploadUniqueAsync(new MemoryStream(SampleFiles.Jpeg()), ".jpg", "image/jpeg", CancellationToken.None);

        await fx.Moto.StopAsync();
        try
        {
            await AssertFailedUploadAsync(client, box, 2048); // single PUT
            await AssertFailedUploadAsync(client, box, 600 * 1024); // multipart upload
            await AssertFailedUploadAsync(client, box, 10 * 1024 * 1024); // first part streamed (docs/adr/0003)
            Assert.False(await storage.DeleteByUrlAsync(url, NullLogger.Instance, CancellationToken.None));
        }
        finally
        {
            await fx.Moto.StartAsync();
            await fx.S3.PutBucketAsync(fx.Bucket);
        }

        Assert.Equal(0, Db.CountAssets(fx.Factory, box));
        Assert.Empty(await fx.KeysAsync());
        var asset = await client.UploadJpegAsync(box);
        Assert.True(await Bucketing.ExistsAsync(fx.S3, fx.Bucket, fx.KeyOf(asset)));
    }

    private async Task AssertFailedUploadAsync(ApiClient client, int box, int size)
    {
        using var response = await client.UploadAsync(box, UploadForm.WithFile("a.jpg", SampleFiles.Jpeg(size)).Field("prompt_text", "p"));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.InternalServerError, $"{(int)response.StatusCode}: {text}");
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.Single(body);
        var error = (string)body["error"]!;
        Assert.StartsWith("Failed to upload file: ", error);
        Assert.True(error.Length > "Failed to upload file: ".Length);
        Assert.DoesNotContain(" at ", error);
        Assert.DoesNotContain("Exception", error);
        Assert.Equal(0, Db.CountAssets(fx.Factory, box));
    }
}

/// <summary>"If saving the row fails after the object was written, the object is deleted again" (a trigger makes the insert fail).</summary>
public abstract class RowSaveFailsTests(S3ServiceFixture fx)
{
    [Theory]
    [InlineData(2048)]
    [InlineData(600 * 1024)]
    [InlineData(10 * 1024 * 1024)] // first part streamed
    public async Task A_failed_insert_deletes_the_stored_object(int size)
    {
        var (client, box) = await fx.NewBoxAsync();
        var keys = await fx.KeysAsync();
        using (Db.RefuseInserts(fx.Factory, "Assets"))
        {
            using var response = await client.UploadAsync(box, UploadForm.WithFile("a.png", SampleFiles.Png(size)).Field("seed", "1"));

            await Api.AssertJsonAsync(response, HttpStatusCode.InternalServerError,
                Api.Error("Failed to upload file: the asset could not be saved"));
        }
        Assert.Equal(0, Db.CountAssets(fx.Factory, box));
        await fx.AssertBucketUnchangedAsync(keys);

        var asset = await client.UploadOkAsync(box, UploadForm.WithFile("a.png", SampleFiles.Png(size)));
        Assert.True(await Bucketing.ExistsAsync(fx.S3, fx.Bucket, fx.KeyOf(asset)));
    }
}

public sealed class RowSaveFailsTestsOnSqlite(DefaultS3ServiceFixture fx) : RowSaveFailsTests(fx), IClassFixture<DefaultS3ServiceFixture>;

public sealed class RowSaveFailsTestsOnPostgreSql(DefaultS3ServiceFixtureOnPostgreSql fx)
    : RowSaveFailsTests(fx), IClassFixture<DefaultS3ServiceFixtureOnPostgreSql>;

/// <summary>A client that goes away mid-upload leaves no row, no object, no open multipart upload and no temporary file.</summary>
public sealed class ClientAbortTests(DefaultS3ServiceFixture fx) : IClassFixture<DefaultS3ServiceFixture>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Abort_during_a_multipart_upload(bool reset)
    {
        var (client, box) = await fx.NewBoxAsync();
        var keys = await fx.KeysAsync();
        var aspNetTemp = AspNetTempFiles();
        using var raw = await RawUpload.StartAsync(fx.Factory.BaseAddress, $"/api/boxes/{box}/upload/", client.Token, 40L * 1024 * 1024);
        await raw.SendAsync([.. RawUpload.FilePartHead("big.mp4"), .. SampleFiles.Mp4(12 * 1024 * 1024)]);
        await Api.EventuallyAsync(async () => (await fx.IncompleteUploadsAsync()).Count > 0, "the multipart upload to begin");

        raw.Abort(reset);

        await Api.EventuallyAsync(async () => (await fx.IncompleteUploadsAsync()).Count == 0, "the multipart upload to be aborted");
        await Task.Delay(300);
        Assert.Equal(0, Db.CountAssets(fx.Factory, box));
        await fx.AssertBucketUnchangedAsync(keys);
        AssertNoTemporaryFiles(aspNetTemp);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Abort_before_a_small_file_is_complete(bool reset)
    {
        var (client, box) = await fx.NewBoxAsync();
        var keys = await fx.KeysAsync();
        var aspNetTemp = AspNetTempFiles();
        using var raw = await RawUpload.StartAsync(fx.Factory.BaseAddress, $"/api/boxes/{box}/upload/", client.Token, 200 * 1024);
        await raw.SendAsync([.. RawUpload.FilePartHead("small.jpg"), .. SampleFiles.Jpeg(100 * 1024)]);
        await Task.Delay(300);

        raw.Abort(reset);

        await Task.Delay(1000);
        Assert.Equal(0, Db.CountAssets(fx.Factory, box));
        await fx.AssertBucketUnchangedAsync(keys);
        AssertNoTemporaryFiles(aspNetTemp);
    }

    [Fact]
    public async Task Abort_after_the_file_while_fields_are_still_coming()
    {
        var (client, box) = await fx.NewBoxAsync();
        var keys = await fx.KeysAsync();
        var file = SampleFiles.Png(300 * 1024);
        using var raw = await RawUpload.StartAsync(fx.Factory.BaseAddress, $"/api/boxes/{box}/upload/", client.Token, 2 * 1024 * 1024);
        // The file part ends (its boundary is sent) and a field begins, then the client goes.
        await raw.SendAsync([.. RawUpload.FilePartHead("a.png"), .. file, .. "\r\n"u8, .. RawUpload.FieldPart("prompt_text", "x")[..40]]);
        await Task.Delay(1000);

        raw.Abort(reset: true);

        await Api.EventuallyAsync(async () => (await fx.KeysAsync()).Order().SequenceEqual(keys.Order()), "the stored object to be deleted again");
        Assert.Equal(0, Db.CountAssets(fx.Factory, box));
        await fx.AssertBucketUnchangedAsync(keys);
    }

    [Fact]
    public async Task The_service_still_serves_uploads_after_aborted_ones()
    {
        var (client, box) = await fx.NewBoxAsync();
        var bytes = SampleFiles.Mp4(9 * 1024 * 1024);
        var asset = await client.UploadOkAsync(box, UploadForm.WithFile("a.mp4", bytes));
        Assert.Equal(Api.Sha256(bytes), Api.Sha256(await Bucketing.ReadAsync(fx.S3, fx.Bucket, fx.KeyOf(asset))));
    }

    private static HashSet<string> AspNetTempFiles() =>
        Directory.EnumerateFiles(Path.GetTempPath(), "ASPNETCORE_*").ToHashSet();

    private void AssertNoTemporaryFiles(HashSet<string> aspNetTempBefore)
    {
        var files = Directory.EnumerateFiles(fx.Factory.DataDirectory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(fx.Factory.DataDirectory, f))
            .Where(f => !f.StartsWith("assetmanager.db", StringComparison.Ordinal));
        Assert.Empty(files);
        Assert.Empty(AspNetTempFiles().Except(aspNetTempBefore));
    }
}
