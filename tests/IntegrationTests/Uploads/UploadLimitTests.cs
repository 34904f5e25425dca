using System.Net;
using AssetManager.IntegrationTests.Fixtures;

namespace AssetManager.IntegrationTests.Uploads;

public sealed class TinyLimitFixture : S3ServiceFixture
{
    public const long Limit = 1000;

    protected override void Configure(Dictionary<string, string?> settings) => settings["MAX_UPLOAD_SIZE"] = Limit.ToString();
}

public sealed class SixMiBLimitFixture : S3ServiceFixture
{
    public const long Limit = 6 * 1024 * 1024;

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["MAX_UPLOAD_SIZE"] = Limit.ToString();
        settings["Storage:PartSizeBytes"] = (5 * 1024 * 1024).ToString();
    }
}

/// <summary>MAX_UPLOAD_SIZE: 413 with the contract's body, decided while streaming, and nothing left behind.</summary>
public sealed class TinyUploadLimitTests(TinyLimitFixture fx) : IClassFixture<TinyLimitFixture>
{
    private static readonly string TooLarge = Api.Error("File too large. Maximum size is 1000 bytes.");

    [Fact]
    public async Task A_file_of_exactly_the_limit_is_accepted()
    {
        var (client, box) = await fx.NewBoxAsync();
        var bytes = SampleFiles.Jpeg((int)TinyLimitFixture.Limit);
        var asset = await client.UploadOkAsync(box, UploadForm.WithFile("a.jpg", bytes));
        Assert.Equal(bytes, await Bucketing.ReadAsync(fx.S3, fx.Bucket, fx.KeyOf(asset)));
    }

    [Theory]
    [InlineData(1001)]
    [InlineData(5000)]
    [InlineData(300 * 1024)]
    public async Task A_file_over_the_limit_is_413(int size) =>
        await RejectAsync(UploadForm.WithFile("a.jpg", SampleFiles.Jpeg(size)), HttpStatusCode.RequestEntityTooLarge, TooLarge);

    [Fact]
    public async Task Size_is_checked_before_fields_on_either_side_of_the_file()
    {
        await RejectAsync(new UploadForm().Field("is_favorite", "maybe").File("a.jpg", SampleFiles.Jpeg(5000)),
            HttpStatusCode.RequestEntityTooLarge, TooLarge);
        await RejectAsync(UploadForm.WithFile("a.jpg", SampleFiles.Jpeg(5000)).Field("seed", "x"),
            HttpStatusCode.RequestEntityTooLarge, TooLarge);
    }

    [Fact]
    public async Task Content_is_checked_before_size() =>
        await RejectAsync(UploadForm.WithFile("a.jpg", SampleFiles.Zip(5000)), HttpStatusCode.BadRequest,
            Api.Error("File content does not match its extension"));

    [Fact]
    public async Task The_413_comes_while_the_body_is_still_arriving()
    {
        var (client, box) = await fx.NewBoxAsync();
        var keys = await fx.KeysAsync();
        // 1 MiB declared, only 8 KiB sent: the answer must not wait for the rest.
        using var raw = await RawUpload.StartAsync(fx.Factory.BaseAddress, $"/api/boxes/{box}/upload/", client.Token, 1024 * 1024);
        await raw.SendAsync([.. RawUpload.FilePartHead("a.jpg"), .. SampleFiles.Jpeg(8 * 1024)]);

        var (status, _, body) = await raw.ReadResponseAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(413, status);
        Api.AssertSameJson(TooLarge, body);
        Assert.Equal(0, Db.CountAssets(fx.Factory, box));
        await fx.AssertBucketUnchangedAsync(keys);
    }

    [Fact]
    public async Task A_declared_length_far_over_the_limit_gets_the_same_413_body()
    {
        var (client, box) = await fx.NewBoxAsync();
        var keys = await fx.KeysAsync();
        using var raw = await RawUpload.StartAsync(fx.Factory.BaseAddress, $"/api/boxes/{box}/upload/", client.Token, 100L * 1024 * 1024);
        await raw.TrySendAsync([.. RawUpload.FilePartHead("a.jpg"), .. SampleFiles.Jpeg(64 * 1024)]);

        var (status, _, body) = await raw.ReadResponseAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(413, status);
        Api.AssertSameJson(TooLarge, body);
        Assert.Equal(0, Db.CountAssets(fx.Factory, box));
        await fx.AssertBucketUnchangedAsync(keys);
    }

    [Fact]
    public async Task Someone_elses_box_is_still_404_whatever_the_size()
    {
        var (_, box) = await fx.NewBoxAsync();
        var intruder = await ApiClient.RegisterAsync(fx.Factory);
        using var response = await intruder.UploadAsync(box, UploadForm.WithFile("a.jpg", SampleFiles.Jpeg(5000)));
        await Api.AssertJsonAsync(response, HttpStatusCode.NotFound, Api.NotFound);
    }

    private async Task RejectAsync(UploadForm form, HttpStatusCode status, string expectedJson)
    {
        var (client, box) = await fx.NewBoxAsync();
        var keys = await fx.KeysAsync();
        using var response = await client.UploadAsync(box, form);
        await Api.AssertJsonAsync(response, status, expectedJson);
        Assert.Equal(0, Db.CountAssets(fx.Factory, box));
        await fx.AssertBucketUnchangedAsync(keys);
    }
}

/// <summary>The limit on the multipart path: parts already sent are dropped (the upload is aborted).</summary>
public sealed class MultipartUploadLimitTests(SixMiBLimitFixture fx) : IClassFixture<SixMiBLimitFixture>
{
    private static readonly string TooLarge = Api.Error($"File too large. Maximum size is {SixMiBLimitFixture.Limit} bytes.");

    [Fact]
    public async Task A_file_of_exactly_the_limit_is_accepted_in_two_parts()
    {
        var (client, box) = await fx.NewBoxAsync();
        var bytes = SampleFiles.Mp4((int)SixMiBLimitFixture.Limit);
        var asset = await client.UploadOkAsync(box, UploadForm.WithFile("a.mp4", bytes));
        var key = fx.KeyOf(asset);
        Assert.Equal(Api.Sha256(bytes), Api.Sha256(await Bucketing.ReadAsync(fx.S3, fx.Bucket, key)));
    }

    [Theory]
    [InlineData(6 * 1024 * 1024 + 1)]
    [InlineData(8 * 1024 * 1024)]
    [InlineData(12 * 1024 * 1024)] // the limit is passed while part 1 streams (docs/adr/0003)
    public async Task Over_the_limit_after_a_part_was_sent_is_413_and_the_multipart_upload_is_aborted(int size)
    {
        var (client, box) = await fx.NewBoxAsync();
        var keys = await fx.KeysAsync();
        using var response = await client.UploadAsync(box, UploadForm.WithFile("a.mp4", SampleFiles.Mp4(size)));
        await Api.AssertJsonAsync(response, HttpStatusCode.RequestEntityTooLarge, TooLarge);
        Assert.Equal(0, Db.CountAssets(fx.Factory, box));
        await fx.AssertBucketUnchangedAsync(keys);
    }
}

/// <summary>The default limit is 2 GiB; a 3 GiB declaration is refused without sending it.</summary>
public sealed class DefaultUploadLimitTests(DefaultS3ServiceFixture fx) : IClassFixture<DefaultS3ServiceFixture>
{
    [Fact]
    public async Task Default_limit_is_2_GiB()
    {
        var (client, box) = await fx.NewBoxAsync();
        using var raw = await RawUpload.StartAsync(fx.Factory.BaseAddress, $"/api/boxes/{box}/upload/", client.Token, 3L * 1024 * 1024 * 1024);
        await raw.TrySendAsync([.. RawUpload.FilePartHead("a.mp4"), .. SampleFiles.Mp4(64 * 1024)]);

        var (status, _, body) = await raw.ReadResponseAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(413, status);
        Api.AssertSameJson(Api.Error("File too large. Maximum size is 2147483648 bytes."), body);
        Assert.Equal(0, Db.CountAssets(fx.Factory, box));
        Assert.Empty(await fx.IncompleteUploadsAsync());
    }
}
