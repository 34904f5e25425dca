using System.Text.RegularExpressions;
using AssetManager.EndToEndTests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AssetManager.EndToEndTests;

/// <summary>The uploader: many files at once, each with its own progress, errors in words, cancel and retry.</summary>
[Collection(WebAppCollection.Name)]
public sealed class UploadTests(WebAppFixture fixture)
{
    private async Task<(AppPage App, string Token, int Box)> OpenBoxAsync(string who)
    {
        var api = fixture.Api;
        var token = await api.RegisterAsync(ApiHelper.NewUsername(who));
        var project = await api.CreateProjectAsync(token, "Uploads");
        var box = await api.CreateBoxAsync(token, project, "Incoming");
        var app = await AppPage.OpenAsync(fixture);
        await app.SignInWithTokenAsync(token, $"/app/?project={project}&box={box}");
        await Expect(app.Page.Locator(".dropzone")).ToBeVisibleAsync();
        return (app, token, box);
    }

    [Fact]
    public async Task Five_files_dropped_at_once_each_get_a_progress_bar_and_appear_in_the_gallery()
    {
        var (app, token, box) = await OpenBoxAsync("dropper");
        await using var _ = app;
        var page = app.Page;

        // Details set before the drop apply to this batch; the video gets the video model, the images the image model.
        await page.GetByText("Details for the next files").ClickAsync();
        await page.GetByLabel("Prompt").FillAsync("Neon city at night");
        await page.GetByLabel("Image model").SelectOptionAsync(new SelectOptionValue { Label = "Midjourney v7 · Midjourney" });
        await page.GetByLabel("Video model").SelectOptionAsync(new SelectOptionValue { Label = "Sora · OpenAI" });
        await page.GetByLabel("Seed").FillAsync("9007199254740993");
        await page.GetByLabel("Generation config (JSON)").FillAsync("""{"steps": 30}""");

        await app.DropFilesAsync(".dropzone",
            ("red.png", "image/png", SampleMedia.Png(220, 60, 60)),
            ("green.png", "image/png", SampleMedia.Png(60, 220, 60)),
            ("blue.png", "image/png", SampleMedia.Png(60, 60, 220)),
            ("gold.png", "image/png", SampleMedia.Png(230, 190, 50)),
            ("clip.mp4", "video/mp4", SampleMedia.Mp4()));

        var rows = page.Locator(".queue-row");
        await Expect(rows).ToHaveCountAsync(5);
        await Expect(page.Locator(".queue-row progress")).ToHaveCountAsync(5);
        await Expect(page.Locator(".queue-row[data-status=done]")).ToHaveCountAsync(5);
        foreach (var progress in await page.Locator(".queue-row progress").AllAsync())
            Assert.Equal("100", await progress.EvaluateAsync<string>("p => String(p.value)"));
        await Expect(page.Locator(".tile")).ToHaveCountAsync(5);
        await Expect(page.Locator(".tile[data-type=VIDEO]")).ToHaveCountAsync(1);
        await Expect(page.Locator(".queue-summary")).ToHaveTextAsync("5 of 5 uploads done");

        // The fields reset after the batch (not pinned).
        await Expect(page.GetByLabel("Prompt")).ToHaveValueAsync("");

        var assets = await fixture.Api.ListAssetsAsync(token, box);
        Assert.Equal(5, assets.Count);
        Assert.All(assets, a => Assert.Equal("Neon city at night", a.GetProperty("prompt_text").GetString()));
        Assert.All(assets, a => Assert.Equal(30, a.GetProperty("generation_config").GetProperty("steps").GetInt32()));
        Assert.All(assets, a => Assert.Equal("9007199254740993", a.GetProperty("seed").GetRawText()));
        Assert.All(assets, a => Assert.Equal(a.GetProperty("asset_type").GetString() == "VIDEO" ? 6 : 1, a.GetProperty("ai_model").GetInt32()));
        app.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_refused_file_shows_the_API_error_while_the_others_succeed()
    {
        var (app, token, box) = await OpenBoxAsync("mixed");
        await using var _ = app;
        var page = app.Page;

        await app.DropFilesAsync(".dropzone",
            ("fine.png", "image/png", SampleMedia.Png(100, 100, 220)),
            ("not-really.jpg", "image/jpeg", SampleMedia.Pdf()),
            ("also-fine.png", "image/png", SampleMedia.Png(220, 100, 100)));

        var refused = page.Locator(".queue-row[data-name='not-really.jpg']");
        await Expect(refused).ToHaveAttributeAsync("data-status", "failed");
        await Expect(refused.Locator(".queue-status")).ToHaveTextAsync("File content does not match its extension");
        await Expect(refused.GetByRole(AriaRole.Button, new() { Name = "Retry upload of not-really.jpg" })).ToBeVisibleAsync();
        await Expect(page.Locator(".queue-row[data-status=done]")).ToHaveCountAsync(2);
        await Expect(page.Locator(".queue-summary")).ToContainTextAsync("1 failed");
        await Expect(page.Locator(".tile")).ToHaveCountAsync(2);
        Assert.Equal(2, (await fixture.Api.ListAssetsAsync(token, box)).Count);
        app.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_cancelled_upload_creates_nothing_and_can_be_retried()
    {
        var (app, token, box) = await OpenBoxAsync("canceller");
        await using var _ = app;
        var page = app.Page;

        // Hold the upload of one file at the network, as a slow connection would.
        var held = new TaskCompletionSource();
        await page.RouteAsync(new Regex("/api/boxes/\\d+/upload/?$"), async route =>
        {
            var body = route.Request.PostDataBuffer ?? [];
            if (System.Text.Encoding.Latin1.GetString(body).Contains("slow.png") && !held.Task.IsCompleted)
            {
                held.TrySetResult();
                return; // never answered: the page must cancel it
            }
            await route.ContinueAsync();
        });

        await app.DropFilesAsync(".dropzone",
            ("slow.png", "image/png", SampleMedia.Png(120, 120, 120)),
            ("quick.png", "image/png", SampleMedia.Png(120, 200, 120)));
        await held.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var slow = page.Locator(".queue-row[data-name='slow.png']");
        await Expect(page.Locator(".queue-row[data-name='quick.png']")).ToHaveAttributeAsync("data-status", "done");
        await Expect(slow).ToHaveAttributeAsync("data-status", new Regex("uploading|saving"));

        await slow.GetByRole(AriaRole.Button, new() { Name = "Cancel upload of slow.png" }).ClickAsync();
        await Expect(slow).ToHaveAttributeAsync("data-status", "cancelled");
        await Expect(slow.Locator(".queue-status")).ToHaveTextAsync("Cancelled");
        await Expect(page.Locator(".tile")).ToHaveCountAsync(1);
        Assert.Single(await fixture.Api.ListAssetsAsync(token, box));

        await slow.GetByRole(AriaRole.Button, new() { Name = "Retry upload of slow.png" }).ClickAsync();
        await Expect(slow).ToHaveAttributeAsync("data-status", "done");
        await Expect(page.Locator(".tile")).ToHaveCountAsync(2);
        Assert.Equal(2, (await fixture.Api.ListAssetsAsync(token, box)).Count);
    }
}
