using System.Net;
using System.Text.Json.Nodes;
using Amazon.S3;
using Amazon.S3.Model;
using AssetManager.IntegrationTests.Fixtures;
using AssetManager.IntegrationTests.Uploads;

namespace AssetManager.IntegrationTests.Storage;

/// <summary>The stored object, checked directly with an S3 client: key, bytes, headers, ACL, URL (contract section 4).</summary>
public sealed class StoredObjectTests(DefaultS3ServiceFixture fx) : IClassFixture<DefaultS3ServiceFixture>
{
    private const string AllUsers = "http://acs.amazonaws.com/groups/global/AllUsers";

    public static TheoryData<string, string, string> EveryExtension => new()
    {
        { "photo.jpg", "image/jpeg", "IMAGE" },
        { "photo.jpeg", "image/jpeg", "IMAGE" },
        { "photo.png", "image/png", "IMAGE" },
        { "photo.gif", "image/gif", "IMAGE" },
        { "photo.webp", "image/webp", "IMAGE" },
        { "photo.bmp", "image/bmp", "IMAGE" },
        { "drawing.svg", "image/svg+xml", "IMAGE" },
        { "clip.mp4", "video/mp4", "VIDEO" },
        { "clip.mov", "video/quicktime", "VIDEO" },
        { "clip.avi", "video/x-msvideo", "VIDEO" },
        { "clip.mkv", "video/x-matroska", "VIDEO" },
        { "clip.webm", "video/webm", "VIDEO" },
        { "clip.flv", "video/x-flv", "VIDEO" },
        { "clip.wmv", "video/x-ms-wmv", "VIDEO" },
    };

    [Theory]
    [MemberData(nameof(EveryExtension))]
    public async Task Each_accepted_extension_is_stored_with_its_content_type_cache_control_and_public_read(
        string fileName, string contentType, string assetType)
    {
        var (client, box) = await fx.NewBoxAsync();
        var bytes = Samples.For(fileName);

        var asset = await client.UploadOkAsync(box, UploadForm.WithFile(fileName, bytes));

        Assert.Equal(assetType, (string)asset["asset_type"]!);
        var key = fx.KeyOf(asset);
        Assert.Matches(Api.UploadKey, key);
        Assert.EndsWith(Path.GetExtension(fileName), key);
        await AssertObjectAsync(key, bytes, contentType);
    }

    [Fact]
    public async Task Key_is_a_fresh_uuid_with_the_extension_lower_cased_and_never_the_original_name()
    {
        var (client, box) = await fx.NewBoxAsync();
        var bytes = SampleFiles.Jpeg();

        var first = await client.UploadOkAsync(box, UploadForm.WithFile("My Holiday SUNSET.JPG", bytes));
        var second = await client.UploadOkAsync(box, UploadForm.WithFile("My Holiday SUNSET.JPG", bytes));

        var key = fx.KeyOf(first);
        Assert.Matches("^uploads/[0-9a-f]{32}\\.jpg$", key);
        Assert.DoesNotContain("sunset", key, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("holiday", key, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(key, fx.KeyOf(second));
        Assert.Equal($"{fx.PublicBase}{key}", (string)first["file_url"]!);
        Assert.Equal($"http://127.0.0.1:{fx.Moto.Port}/{fx.Bucket}/uploads/{key["uploads/".Length..]}", (string)first["file_url"]!);
        await AssertObjectAsync(key, bytes, "image/jpeg");
    }

    [Fact]
    public async Task A_path_or_non_ascii_client_file_name_does_not_reach_the_key()
    {
        var (client, box) = await fx.NewBoxAsync();
        var asset = await client.UploadOkAsync(box, UploadForm.WithFile("../../etc/evil.png", SampleFiles.Png()));
        Assert.Matches("^uploads/[0-9a-f]{32}\\.png$", fx.KeyOf(asset));
        var russian = await client.UploadOkAsync(box, UploadForm.WithFile("Закат над морем.JPEG", SampleFiles.Jpeg()));
        Assert.Matches("^uploads/[0-9a-f]{32}\\.jpeg$", fx.KeyOf(russian));
    }

    [Fact]
    public async Task The_file_url_is_publicly_readable_without_credentials()
    {
        var (client, box) = await fx.NewBoxAsync();
        var bytes = SampleFiles.Png(5000);
        var asset = await client.UploadOkAsync(box, UploadForm.WithFile("x.png", bytes));

        using var anonymous = new HttpClient();
        Assert.Equal(bytes, await anonymous.GetByteArrayAsync((string)asset["file_url"]!));
    }

    [Theory]
    [InlineData(256 * 1024 - 1)] // the largest single PUT
    [InlineData(256 * 1024)] // the smallest multipart upload (one part)
    [InlineData(256 * 1024 + 1)]
    public async Task Files_around_the_single_put_threshold_arrive_intact(int size)
    {
        var (client, box) = await fx.NewBoxAsync();
        var bytes = SampleFiles.Jpeg(size);

        var asset = await client.UploadOkAsync(box, UploadForm.WithFile("edge.jpg", bytes));

        await AssertObjectAsync(fx.KeyOf(asset), bytes, "image/jpeg");
    }

    [Fact]
    public async Task A_20_MiB_file_sent_without_a_declared_length_goes_up_in_5_MiB_parts_and_arrives_intact()
    {
        var (client, box) = await fx.NewBoxAsync();
        var bytes = SampleFiles.Mp4(20 * 1024 * 1024);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/boxes/{box}/upload/")
        {
            Content = UploadForm.WithFile("big.MP4", bytes).Build(),
        };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var asset = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        var key = fx.KeyOf(asset);
        Assert.Matches("^uploads/[0-9a-f]{32}\\.mp4$", key);
        var metadata = await fx.S3.GetObjectMetadataAsync(fx.Bucket, key);
        Assert.Matches("-4\"?$", metadata.ETag); // four 5 MiB parts: a multipart ETag
        await AssertObjectAsync(key, bytes, "video/mp4");
        Assert.Empty(await fx.IncompleteUploadsAsync());
    }

    [Fact]
    public async Task A_file_of_declared_length_streams_its_first_part_and_the_fields_after_it_are_kept()
    {
        var (client, box) = await fx.NewBoxAsync();
        var bytes = SampleFiles.Mp4(26 * 1024 * 1024);

        var asset = await client.UploadOkAsync(box, UploadForm.WithFile("long.mp4", bytes)
            .Field("prompt_text", "a lighthouse at dusk").Field("seed", "42"));

        Assert.Equal("a lighthouse at dusk", (string?)asset["prompt_text"]);
        Assert.Equal(42, (long?)asset["seed"]);
        var key = fx.KeyOf(asset);
        // about 22 MiB streamed (what the declared length vouches for once the parts after the file are given their
        // 4 MiB), then the last 4 MiB buffered: two parts, where 5 MiB parts alone would make six
        var metadata = await fx.S3.GetObjectMetadataAsync(fx.Bucket, key);
        Assert.Matches("-2\"?$", metadata.ETag);
        await AssertObjectAsync(key, bytes, "video/mp4");
        Assert.Empty(await fx.IncompleteUploadsAsync());
    }

    [Fact]
    public async Task Fields_after_a_streamed_file_that_take_more_than_the_forms_room_are_refused_and_nothing_is_kept()
    {
        var (client, box) = await fx.NewBoxAsync();
        var keys = await fx.KeysAsync();
        var form = UploadForm.WithFile("long.mp4", SampleFiles.Mp4(12 * 1024 * 1024));
        for (var i = 0; i < 5; i++) form.Field($"extra_{i}", new string('x', 1024 * 1024 - 64));

        var response = await client.UploadAsync(box, form);

        await Api.AssertJsonAsync(response, HttpStatusCode.BadRequest,
            Api.Error("The form's parts after the file are larger than 4259840 bytes"));
        Assert.Equal(0, Db.CountAssets(fx.Factory, box));
        Assert.Empty(await fx.IncompleteUploadsAsync());
        await fx.AssertBucketUnchangedAsync(keys);
    }

    [Fact]
    public async Task A_large_svg_sent_in_parts_is_stored_as_an_attachment_too()
    {
        var (client, box) = await fx.NewBoxAsync();
        var bytes = System.Text.Encoding.UTF8.GetBytes(
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script><!--" + new string('x', 12 * 1024 * 1024) + "--></svg>");

        var asset = await client.UploadOkAsync(box, UploadForm.WithFile("big.svg", bytes));

        await AssertObjectAsync(fx.KeyOf(asset), bytes, "image/svg+xml");
    }

    private async Task AssertObjectAsync(string key, byte[] expected, string contentType)
    {
        var metadata = await fx.S3.GetObjectMetadataAsync(fx.Bucket, key);
        Assert.Equal(contentType, metadata.Headers.ContentType);
        Assert.Equal("max-age=86400", metadata.Headers.CacheControl);
        // SVG is active content: opened from its URL it downloads rather than runs on the storage's origin
        Assert.Equal(contentType == "image/svg+xml" ? "attachment" : null, metadata.Headers.ContentDisposition);
        Assert.Equal(expected.LongLength, metadata.Headers.ContentLength);
        Assert.Equal(Api.Sha256(expected), Api.Sha256(await Bucketing.ReadAsync(fx.S3, fx.Bucket, key)));

        var acl = await fx.S3.GetObjectAclAsync(new GetObjectAclRequest { BucketName = fx.Bucket, Key = key });
        Assert.Contains(acl.Grants!, g => g.Grantee?.URI == AllUsers && g.Permission == S3Permission.READ);
        Assert.DoesNotContain(acl.Grants!, g => g.Grantee?.URI == AllUsers && g.Permission != S3Permission.READ);
    }
}

/// <summary>Small files with the leading bytes of every accepted format.</summary>
public static class Samples
{
    public static byte[] For(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => SampleFiles.Jpeg(),
        ".png" => SampleFiles.Png(),
        ".gif" => Head("GIF89a"u8.ToArray()),
        ".webp" => Head([.. "RIFF"u8, 0x24, 0, 0, 0, .. "WEBPVP8 "u8]),
        ".bmp" => Head([.. "BM"u8, 0x36, 0x10, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0]),
        ".svg" => SampleFiles.Svg(),
        ".mp4" => SampleFiles.Mp4(),
        ".mov" => Head([0, 0, 0, 0x14, .. "ftypqt  "u8]),
        ".avi" => Head([.. "RIFF"u8, 0x24, 0, 0, 0, .. "AVI LIST"u8]),
        ".mkv" or ".webm" => Head([0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01]),
        ".flv" => Head([.. "FLV"u8, 0x01, 0x05, 0, 0, 0, 0x09]),
        ".wmv" => Head([0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11, 0xA6, 0xD9, 0x00, 0xAA, 0x00, 0x62, 0xCE, 0x6C]),
        var other => throw new ArgumentException($"no sample for {other}"),
    };

    public static byte[] Head(byte[] head, int size = 3000)
    {
        var bytes = new byte[Math.Max(size, head.Length)];
        Random.Shared.NextBytes(bytes);
        head.CopyTo(bytes, 0);
        return bytes;
    }
}

public sealed class BufferedPartsFixture : S3ServiceFixture
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["Storage:StreamFirstPart"] = "false";
}

/// <summary><c>Storage:StreamFirstPart=false</c>: a file of declared length goes in buffered parts as well.</summary>
public sealed class BufferedPartsTests(BufferedPartsFixture fx) : IClassFixture<BufferedPartsFixture>
{
    [Fact]
    public async Task With_streaming_turned_off_a_26_MiB_file_goes_up_in_5_MiB_parts()
    {
        var (client, box) = await fx.NewBoxAsync();
        var bytes = SampleFiles.Mp4(26 * 1024 * 1024);

        var asset = await client.UploadOkAsync(box, UploadForm.WithFile("long.mp4", bytes));

        var key = fx.KeyOf(asset);
        var metadata = await fx.S3.GetObjectMetadataAsync(fx.Bucket, key);
        Assert.Matches("-6\"?$", metadata.ETag);
        Assert.Equal(Api.Sha256(bytes), Api.Sha256(await Bucketing.ReadAsync(fx.S3, fx.Bucket, key)));
    }
}
