using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using AssetManager.EndToEndTests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AssetManager.EndToEndTests;

/// <summary>
/// What the server's renditions job makes, as the web app shows it: a placeholder while it works, then the WebP
/// thumbnail (never the original); the "No preview" mark when it fails; a video's poster and length; the preview
/// and the file's facts in the lightbox.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class RenditionsTests(WebAppFixture fixture)
{
    private async Task<(string Token, int Project, int Box)> BoxAsync(string who)
    {
        var api = fixture.Api;
        var token = await api.RegisterAsync(ApiHelper.NewUsername(who));
        var project = await api.CreateProjectAsync(token, "Renditions");
        return (token, project, await api.CreateBoxAsync(token, project, "Takes"));
    }

    private static string Text(JsonElement asset, string field) => asset.GetProperty(field).GetString()!;

    [Fact]
    public async Task A_new_upload_shows_a_placeholder_then_its_thumbnail_and_no_tile_ever_loads_an_original()
    {
        var api = fixture.Api;
        var (token, project, box) = await BoxAsync("thumbnails");
        var earlier = new[]
        {
            await api.UploadAsync(token, box, "earlier.png", SampleMedia.Png(200, 120, 60, 96)),
            await api.UploadAsync(token, box, "earlier.mp4", SampleMedia.Mp4()),
        };
        foreach (var asset in earlier) await api.WaitUntilProcessedAsync(token, asset.GetProperty("id").GetInt32());

        await using var app = await AppPage.OpenAsync(fixture);
        var page = app.Page;
        var requested = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Request += (_, request) => requested.Enqueue(new Uri(request.Url).AbsolutePath);
        await app.SignInWithTokenAsync(token, $"/app/?project={project}&box={box}");
        await Expect(page.Locator(".tile img.tile-media")).ToHaveCountAsync(2);
        await page.EvaluateAsync("window.sameDocument = true");

        await page.Locator("input[type=file][multiple]:not([webkitdirectory])").SetInputFilesAsync(new FilePayload
        {
            Name = "wide-shot.png", MimeType = "image/png", Buffer = SampleMedia.Png(60, 120, 220, 640, 360),
        });
        var tile = page.Locator(".tile").First;
        await Expect(page.Locator(".tile")).ToHaveCountAsync(3);
        await Expect(tile.Locator(".tile-state.is-pending")).ToBeVisibleAsync();
        await Expect(tile.Locator(".tile-open")).ToHaveAttributeAsync("aria-label", new Regex("Processing"));

        var id = int.Parse((await tile.GetAttributeAsync("data-asset-id"))!);
        var ready = await api.WaitUntilProcessedAsync(token, id);
        Assert.Equal("ready", Text(ready, "processing"));
        Assert.EndsWith(".webp", Text(ready, "thumbnail_url"));
        await Expect(tile.Locator("img.tile-media")).ToHaveAttributeAsync("src", Text(ready, "thumbnail_url"));
        await Expect(tile.Locator(".tile-state")).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("window.sameDocument === true"), "The page was reloaded");
        // The thumbnail itself, 512 pixels on its long side, loaded.
        var size = await tile.Locator("img.tile-media").EvaluateAsync<int[]>(
            "img => img.decode().then(() => [img.naturalWidth, img.naturalHeight])");
        Assert.Equal(new[] { 512, 288 }, size);

        // Every tile shows its thumbnail; no original was ever asked for by the page.
        var assets = await api.ListAssetsAsync(token, box);
        Assert.Equal(3, assets.Count);
        foreach (var asset in assets)
        {
            var image = page.Locator($".tile[data-asset-id='{asset.GetProperty("id").GetInt32()}'] .tile-media");
            await Expect(image).ToHaveAttributeAsync("src", Text(asset, "thumbnail_url"));
        }
        var originals = assets.Select(a => Text(a, "file_url")).ToHashSet();
        Assert.Empty(requested.Where(originals.Contains));
        Assert.Equal(0, await page.Locator(".tile video").CountAsync());
        app.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_file_whose_renditions_fail_shows_no_preview_and_the_reason()
    {
        var api = fixture.Api;
        var (token, project, box) = await BoxAsync("broken");
        var id = (await api.UploadAsync(token, box, "broken.png", SampleMedia.BrokenPng(), prompt: "Half a file")).GetProperty("id").GetInt32();

        await using var app = await AppPage.OpenAsync(fixture);
        var page = app.Page;
        await app.SignInWithTokenAsync(token, $"/app/?project={project}&box={box}");
        var tile = page.Locator($".tile[data-asset-id='{id}']");
        // Pending first or failed already: the watcher brings the failure without a reload.
        await Expect(tile.Locator(".tile-state.is-failed")).ToHaveTextAsync("No preview");
        await Expect(tile.Locator(".tile-open")).ToHaveAttributeAsync("aria-label", $"Open Image {id}: Half a file, No preview");
        var failed = await api.GetAssetAsync(token, id);
        Assert.Equal("failed", Text(failed, "processing"));
        var reason = Text(failed, "processing_error");
        Assert.Equal("The file could not be read as an image.", reason);
        await Expect(tile.Locator(".tile-state")).ToHaveAttributeAsync("title", reason);
        Assert.Equal(0, await tile.Locator("img").CountAsync());

        await tile.Locator(".tile-open").ClickAsync();
        var lightbox = page.Locator("dialog.lightbox");
        await Expect(lightbox.Locator(".stage-state")).ToHaveTextAsync($"No preview: {reason}");
        Assert.Equal(0, await lightbox.Locator(".lightbox-stage img").CountAsync());
        // The original can still be downloaded.
        await Expect(lightbox.GetByRole(AriaRole.Link, new() { Name = "Download the original" })).ToHaveAttributeAsync("href", Text(failed, "file_url"));
        await app.ScreenshotAsync("lightbox-no-preview-desktop");
        app.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_video_tile_shows_its_poster_and_its_length()
    {
        var api = fixture.Api;
        var (token, project, box) = await BoxAsync("poster");
        var id = (await api.UploadAsync(token, box, "clip.mp4", SampleMedia.Mp4())).GetProperty("id").GetInt32();
        var video = await api.WaitUntilProcessedAsync(token, id);
        Assert.Equal("ready", Text(video, "processing"));
        Assert.Equal(1, video.GetProperty("duration").GetDouble(), 1);

        await using var app = await AppPage.OpenAsync(fixture);
        var page = app.Page;
        await app.SignInWithTokenAsync(token, $"/app/?project={project}&box={box}");
        var tile = page.Locator($".tile[data-asset-id='{id}']");
        await Expect(tile.Locator("img.tile-media")).ToHaveAttributeAsync("src", Text(video, "thumbnail_url"));
        Assert.Equal(0, await tile.Locator("video").CountAsync());
        await Expect(tile.Locator(".tile-badges .badge")).ToHaveTextAsync("0:01");
        await Expect(tile.Locator(".tile-open")).ToHaveAttributeAsync("aria-label", new Regex("^Open Video"));
        app.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task The_lightbox_shows_the_preview_and_the_size_dimensions_and_checksum_of_the_file()
    {
        var api = fixture.Api;
        var (token, project, box) = await BoxAsync("details");
        var pngBytes = SampleMedia.Png(230, 140, 70, 640, 360);
        var mp4Bytes = SampleMedia.Mp4();
        var imageId = (await api.UploadAsync(token, box, "wide.png", pngBytes, prompt: "Wide shot")).GetProperty("id").GetInt32();
        var videoId = (await api.UploadAsync(token, box, "clip.mp4", mp4Bytes, prompt: "Moving shot")).GetProperty("id").GetInt32();
        var image = await api.WaitUntilProcessedAsync(token, imageId);
        var video = await api.WaitUntilProcessedAsync(token, videoId);

        await using var app = await AppPage.OpenAsync(fixture);
        var page = app.Page;
        await app.SignInWithTokenAsync(token, $"/app/?project={project}&box={box}&asset={imageId}");
        var lightbox = page.Locator("dialog.lightbox");
        var shown = lightbox.Locator(".lightbox-stage img");
        await Expect(shown).ToHaveAttributeAsync("src", Text(image, "preview_url"));
        var natural = await shown.EvaluateAsync<int[]>("img => img.decode().then(() => [img.naturalWidth, img.naturalHeight])");
        Assert.Equal(new[] { 640, 360 }, natural);
        await AssertDetailsAsync(pngBytes, "640 × 360");

        await lightbox.Locator(".lightbox-stage").ClickAsync();
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(page.Locator("#lightbox-title")).ToHaveTextAsync($"Video {videoId}");
        var player = lightbox.Locator(".lightbox-stage video");
        await Expect(player).ToHaveAttributeAsync("src", Text(video, "file_url"));
        await Expect(player).ToHaveAttributeAsync("poster", Text(video, "preview_url"));
        await AssertDetailsAsync(mp4Bytes, "160 × 120");
        await Expect(lightbox.Locator("dd[data-field=duration]")).ToHaveTextAsync("0:01");
        app.AssertNoConsoleErrors();

        async Task AssertDetailsAsync(byte[] uploaded, string dimensions)
        {
            var size = lightbox.Locator("dd[data-field=size] span");
            // "2.5 KB" to read, every byte in its title.
            var kilobytes = uploaded.Length / 1000.0;
            Assert.InRange(kilobytes, 1, 999);
            await Expect(size).ToHaveAttributeAsync("title", string.Create(CultureInfo.InvariantCulture, $"{uploaded.Length:N0} bytes"));
            await Expect(size).ToHaveTextAsync(kilobytes < 10
                ? string.Create(CultureInfo.InvariantCulture, $"{Math.Round(kilobytes, 1, MidpointRounding.AwayFromZero):0.0} KB")
                : string.Create(CultureInfo.InvariantCulture, $"{Math.Round(kilobytes, MidpointRounding.AwayFromZero):0} KB"));
            await Expect(lightbox.Locator("dd[data-field=dimensions]")).ToHaveTextAsync(dimensions);
            await Expect(lightbox.Locator("dd[data-field=checksum]")).ToHaveTextAsync(Convert.ToHexStringLower(SHA256.HashData(uploaded)));
        }
    }
}
