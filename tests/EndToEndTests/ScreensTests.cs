using AssetManager.EndToEndTests.Fixtures;
using Microsoft.Playwright;

namespace AssetManager.EndToEndTests;

/// <summary>The main screens at desktop and phone size: saved as screenshots, and never wider than the window.</summary>
[Collection(WebAppCollection.Name)]
public sealed class ScreensTests(WebAppFixture fixture)
{
    [Theory]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 390, 844)]
    public async Task The_main_screens_fit_the_window(string name, int width, int height)
    {
        var api = fixture.Api;
        var token = await api.RegisterAsync(ApiHelper.NewUsername("screens"));
        var project = await api.CreateProjectAsync(token, "Autumn campaign");
        await api.CreateBoxAsync(token, project, "Scene 2 — the harbour");
        var box = await api.CreateBoxAsync(token, project, "Scene 1 — sunrise");
        (byte, byte, byte)[] colours = [(236, 120, 60), (60, 140, 230), (120, 200, 120), (200, 90, 190), (240, 200, 70), (70, 200, 210), (160, 110, 240)];
        var i = 0;
        // Landscape, portrait and square, as generators make them.
        (int Width, int Height)[] shapes = [(448, 252), (256, 256), (252, 448)];
        foreach (var (r, g, b) in colours)
            await api.UploadAsync(token, box, $"frame-{++i}.png", SampleMedia.Png(r, g, b, shapes[i % 3].Width, shapes[i % 3].Height), prompt: $"Sunrise over the bay, variation {i}", favorite: i % 3 == 0, aiModel: 1);
        var video = await api.UploadAsync(token, box, "clip.mp4", SampleMedia.Mp4(), prompt: "Waves at dawn", aiModel: 6);

        await using var app = await AppPage.OpenAsync(fixture, width, height);
        await app.Page.GotoAsync("/");
        await app.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" }).WaitForAsync();
        await app.ScreenshotAsync($"sign-in-{name}");
        await app.AssertNoHorizontalScrollAsync("sign-in");

        await app.SignInWithTokenAsync(token, $"/app/?project={project}&box={box}");
        await Assertions.Expect(app.Page.Locator(".tile")).ToHaveCountAsync(8);
        await app.Page.Locator("input[type=file][multiple]:not([webkitdirectory])").SetInputFilesAsync(new FilePayload
        {
            Name = "harbour-at-dawn.png", MimeType = "image/png", Buffer = SampleMedia.Png(90, 120, 200, 128),
        });
        await Assertions.Expect(app.Page.Locator(".queue-row[data-status=done]")).ToHaveCountAsync(1);
        await Assertions.Expect(app.Page.Locator(".tile")).ToHaveCountAsync(9);
        // The new upload's placeholder gives way to its thumbnail: every tile shows the server's rendition.
        await Assertions.Expect(app.Page.Locator(".tile img.tile-media")).ToHaveCountAsync(9);
        await app.ScreenshotAsync($"box-{name}");
        await app.AssertNoHorizontalScrollAsync("box view");
        if (width < 800)
        {
            // On a phone the projects and boxes are a drawer behind the menu button.
            await app.Page.GetByRole(AriaRole.Button, new() { Name = "Projects and boxes" }).ClickAsync();
            await Assertions.Expect(app.Page.Locator("#sidebar")).ToBeInViewportAsync();
            await app.ScreenshotAsync($"navigation-{name}");
            await app.AssertNoHorizontalScrollAsync("navigation drawer");
            await app.Page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(app.Page.Locator("#sidebar")).Not.ToBeInViewportAsync();
        }

        await app.Page.Locator($".tile[data-asset-id='{video.GetProperty("id").GetInt32()}'] .tile-open").ClickAsync();
        await Assertions.Expect(app.Page.Locator("dialog.lightbox")).ToBeVisibleAsync();
        await app.ScreenshotAsync($"lightbox-{name}");
        await app.AssertNoHorizontalScrollAsync("lightbox");
        await AssertNotCroppedAsync(app.Page.Locator("dialog.lightbox .lightbox-stage video"));

        // The next one is an image: its preview rendition.
        await app.Page.GetByRole(AriaRole.Button, new() { Name = "Next asset" }).ClickAsync();
        await Assertions.Expect(app.Page.Locator("dialog.lightbox .lightbox-stage img")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex(@"^/media/previews/.+\.webp$"));
        await app.ScreenshotAsync($"lightbox-image-{name}");
        await app.AssertNoHorizontalScrollAsync("lightbox with an image");
        await AssertNotCroppedAsync(app.Page.Locator("dialog.lightbox .lightbox-stage img"));
        app.AssertNoConsoleErrors();
    }

    /// <summary>The picture lies wholly inside the stage that clips it (on a phone it was once cut off at the bottom).</summary>
    private static async Task AssertNotCroppedAsync(ILocator media)
    {
        var box = (await media.BoundingBoxAsync())!;
        var stage = (await media.Locator("xpath=..").BoundingBoxAsync())!;
        Assert.True(box.Y >= stage.Y - 0.5 && box.Y + box.Height <= stage.Y + stage.Height + 0.5 && box.X >= stage.X - 0.5 && box.X + box.Width <= stage.X + stage.Width + 0.5,
            $"The picture ({box.X},{box.Y} {box.Width}x{box.Height}) is cut off by the stage ({stage.X},{stage.Y} {stage.Width}x{stage.Height})");
    }
}
