using System.Net;
using System.Text.Json.Nodes;
using AssetManager.Application.Common.Storage;
using AssetManager.Domain.Common;
using AssetManager.IntegrationTests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using AssetManager.IntegrationTests.Uploads;

namespace AssetManager.IntegrationTests.Storage;

/// <summary>The service with no bucket configured: the local disk store.</summary>
public sealed class DiskServiceFixture : IDisposable
{
    private Task<ApiClient>? _user;

    public ApiFactory Factory { get; } = new();

    public string Incoming => Path.Combine(Factory.MediaRoot, ".incoming");

    public async Task<(ApiClient Client, int Box)> NewBoxAsync()
    {
        var client = await (_user ??= ApiClient.RegisterAsync(Factory));
        return (client, await client.CreateBoxAsync());
    }

    /// <summary>The stored file behind a /media/ URL.</summary>
    public string PathOf(JsonObject asset)
    {
        var url = new Uri(Factory.BaseAddress, (string)asset["file_url"]!);
        Assert.StartsWith("/media/", url.AbsolutePath);
        return Path.Combine(Factory.MediaRoot, url.AbsolutePath["/media/".Length..]);
    }

    public IEnumerable<string> StoredFiles() =>
        Directory.Exists(Factory.MediaRoot)
            ? Directory.EnumerateFiles(Factory.MediaRoot, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Factory.MediaRoot, f))
            : [];

    public void Dispose() => Factory.Dispose();
}

public sealed class DiskStoreTests(DiskServiceFixture fx) : IClassFixture<DiskServiceFixture>
{
    [Theory]
    [InlineData("photo.JPG", "image/jpeg", ".jpg")]
    [InlineData("drawing.svg", "image/svg+xml", ".svg")]
    [InlineData("clip.mp4", "video/mp4", ".mp4")]
    [InlineData("clip.webm", "video/webm", ".webm")]
    public async Task An_upload_is_served_under_media_with_its_content_type_and_a_day_of_caching(string fileName, string contentType, string extension)
    {
        var (client, box) = await fx.NewBoxAsync();
        var bytes = Samples.For(fileName);

        var asset = await client.UploadOkAsync(box, UploadForm.WithFile(fileName, bytes));

        var url = (string)asset["file_url"]!;
        Assert.Matches($"^(https?://[^/]+)?/media/uploads/[0-9a-f]{{32}}\\{extension}$", url);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(fx.PathOf(asset)));
        using var anonymous = fx.Factory.CreateRealClient();
        using var response = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("max-age=86400", response.Headers.CacheControl?.ToString());
        Assert.Equal(contentType == "image/svg+xml" ? "attachment" : null, response.Content.Headers.ContentDisposition?.ToString());
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_5_MiB_file_arrives_intact_and_leaves_no_temporary_file()
    {
        var (client, box) = await fx.NewBoxAsync();
        var bytes = SampleFiles.Png(5 * 1024 * 1024);
        var asset = await client.UploadOkAsync(box, UploadForm.WithFile("big.png", bytes));
        Assert.Equal(Api.Sha256(bytes), Api.Sha256(await File.ReadAllBytesAsync(fx.PathOf(asset))));
        Assert.Empty(Directory.Exists(fx.Incoming) ? Directory.EnumerateFiles(fx.Incoming) : []);
    }

    [Fact]
    public async Task Delete_removes_the_file()
    {
        var (client, box) = await fx.NewBoxAsync();
        var asset = await client.UploadJpegAsync(box);
        var path = fx.PathOf(asset);
        Assert.True(File.Exists(path));

        using var deleted = await client.Http.DeleteAsync($"/api/assets/{(int)asset["id"]!}/");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.False(File.Exists(path));
        using var anonymous = fx.Factory.CreateRealClient();
        using var gone = await anonymous.GetAsync((string)asset["file_url"]!);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Deleting_the_box_removes_its_files()
    {
        var (client, box) = await fx.NewBoxAsync();
        var paths = new[] { fx.PathOf(await client.UploadJpegAsync(box)), fx.PathOf(await client.UploadJpegAsync(box)) };
        using var deleted = await client.Http.DeleteAsync($"/api/boxes/{box}/");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.All(paths, p => Assert.False(File.Exists(p)));
    }

    [Fact]
    public async Task The_utilities_work_on_the_disk_store_and_never_overwrite()
    {
        var storage = fx.Factory.Services.GetRequiredService<IObjectStorage>();
        var original = SampleFiles.Png();
        var (url, fileName, key) = await storage.UploadUniqueAsync(new MemoryStream(original), ".png", "image/png", CancellationToken.None);
        Assert.Matches("^(https?://[^/]+)?/media/uploads/[0-9a-f]{32}\\.png$", url);
        Assert.Equal($"uploads/{fileName}", key);

        await Assert.ThrowsAsync<StorageFailedException>(() =>
            storage.PutAsync(key, new MemoryStream(SampleFiles.Png()), "image/png", 0, CancellationToken.None));
        Assert.Equal(original, await File.ReadAllBytesAsync(Path.Combine(fx.Factory.MediaRoot, key)));
        Assert.Empty(Directory.EnumerateFiles(fx.Incoming));

        Assert.False(await storage.DeleteByUrlAsync("/media/../assetmanager.db", NullLogger.Instance, CancellationToken.None));
        Assert.False(await storage.DeleteByUrlAsync("https://example.com/media/" + key, NullLogger.Instance, CancellationToken.None));
        Assert.True(await storage.DeleteByUrlAsync(url, NullLogger.Instance, CancellationToken.None));
        Assert.False(File.Exists(Path.Combine(fx.Factory.MediaRoot, key)));
        Assert.False(await storage.DeleteByUrlAsync(url, NullLogger.Instance, CancellationToken.None));
        Assert.True(File.Exists(fx.Factory.DatabasePath));
    }

    [Fact]
    public async Task A_rejected_upload_leaves_no_file()
    {
        var (client, box) = await fx.NewBoxAsync();
        var before = fx.StoredFiles().ToList();
        using var response = await client.UploadAsync(box, UploadForm.WithFile("a.jpg", SampleFiles.Jpeg(400 * 1024)).Field("is_favorite", "maybe"));
        await Api.AssertJsonAsync(response, HttpStatusCode.BadRequest, """{"is_favorite": ["Must be a valid boolean."]}""");
        Assert.Equal(before.Order(), fx.StoredFiles().Order());
        Assert.Equal(0, Db.CountAssets(fx.Factory, box));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_client_that_aborts_mid_upload_leaves_no_row_no_file_and_nothing_in_incoming(bool reset)
    {
        var (client, box) = await fx.NewBoxAsync();
        var before = fx.StoredFiles().ToList();
        using var raw = await RawUpload.StartAsync(fx.Factory.BaseAddress, $"/api/boxes/{box}/upload/", client.Token, 20L * 1024 * 1024);
        await raw.SendAsync([.. RawUpload.FilePartHead("big.mp4"), .. SampleFiles.Mp4(3 * 1024 * 1024)]);
        await Api.EventuallyAsync(() => Task.FromResult(Directory.Exists(fx.Incoming) && Directory.EnumerateFiles(fx.Incoming).Any()),
            "a temporary file to be written");

        raw.Abort(reset);

        await Api.EventuallyAsync(() => Task.FromResult(!Directory.EnumerateFiles(fx.Incoming).Any()), "the temporary file to be removed");
        await Task.Delay(300);
        Assert.Equal(before.Order(), fx.StoredFiles().Order());
        Assert.Equal(0, Db.CountAssets(fx.Factory, box));
    }
}
