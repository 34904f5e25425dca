using System.Net;
using AssetManager.IntegrationTests.Fixtures;
using AssetManager.IntegrationTests.Storage;
using AssetManager.IntegrationTests.Uploads;

namespace AssetManager.IntegrationTests.Renditions;

/// <summary>Renditions with the local disk store: beside the original, served under /media/ like it.</summary>
public sealed class DiskRenditionTests(DiskServiceFixture fx) : IClassFixture<DiskServiceFixture>
{
    [Fact]
    public async Task An_image_s_renditions_are_served_under_media_and_go_with_the_asset()
    {
        var (client, box) = await fx.NewBoxAsync();
        var created = await client.UploadOkAsync(box, UploadForm.WithFile("tall.png", MediaSamples.Image(600, 1200)));

        var asset = await Processing.SettledAsync(client.Http, created.Id());

        Assert.Equal("ready", (string?)asset["processing"]);
        using var anonymous = fx.Factory.CreateRealClient();
        foreach (var (field, size) in new[] { ("thumbnail_url", (256, 512)), ("preview_url", (600, 1200)) })
        {
            var url = (string)asset[field]!;
            Assert.Matches($"^/media/{(field == "thumbnail_url" ? "thumbnails" : "previews")}/[0-9a-f]{{32}}\\.webp$", url);
            using var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/webp", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("max-age=86400", response.Headers.CacheControl?.ToString());
            Assert.Equal(size, MediaSamples.SizeOf(await response.Content.ReadAsByteArrayAsync()));
        }

        await (await client.Http.DeleteAsync($"/api/assets/{asset.Id()}/")).Content.ReadAsStringAsync();
        var hex = Path.GetFileNameWithoutExtension((string)asset["file_url"]!);
        Assert.DoesNotContain(fx.StoredFiles(), f => f.Contains(hex));
    }
}
