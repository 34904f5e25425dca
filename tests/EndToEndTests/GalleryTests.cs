using System.Text.RegularExpressions;
using AssetManager.EndToEndTests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AssetManager.EndToEndTests;

/// <summary>The gallery and the lightbox: editing, keyboard, filters, multi-select.</summary>
[Collection(WebAppCollection.Name)]
public sealed class GalleryTests(WebAppFixture fixture)
{
    private async Task<(string Token, int Project, int Box, int[] Ids)> BoxWithAssetsAsync(string who)
    {
        var api = fixture.Api;
        var token = await api.RegisterAsync(ApiHelper.NewUsername(who));
        var project = await api.CreateProjectAsync(token, "Gallery");
        var box = await api.CreateBoxAsync(token, project, "Shots");
        var ids = new[]
        {
            (await api.UploadAsync(token, box, "first.png", SampleMedia.Png(200, 80, 80), prompt: "First light", aiModel: 2)).GetProperty("id").GetInt32(),
            (await api.UploadAsync(token, box, "second.png", SampleMedia.Png(80, 200, 80), prompt: "Second light", favorite: true)).GetProperty("id").GetInt32(),
            (await api.UploadAsync(token, box, "motion.mp4", SampleMedia.Mp4(), prompt: "Moving light", aiModel: 7)).GetProperty("id").GetInt32(),
        };
        return (token, project, box, ids);
    }

    [Fact]
    public async Task The_lightbox_edits_a_prompt_and_moves_with_the_arrow_keys()
    {
        var (token, project, box, ids) = await BoxWithAssetsAsync("editor");
        await using var app = await AppPage.OpenAsync(fixture);
        var page = app.Page;
        await app.SignInWithTokenAsync(token, $"/app/?project={project}&box={box}");

        // Newest first: the video, then the second and the first image. Enter on a focused tile opens it.
        await page.Locator($".tile[data-asset-id='{ids[1]}'] .tile-open").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var lightbox = page.Locator("dialog.lightbox");
        await Expect(lightbox).ToBeVisibleAsync();
        await Expect(page.Locator("#lightbox-title")).ToHaveTextAsync($"Image {ids[1]}");
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape($"asset={ids[1]}")));

        var prompt = lightbox.GetByLabel("Prompt");
        await prompt.FillAsync("Second light, warmer and closer");
        await lightbox.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(lightbox.Locator(".form-status")).ToHaveTextAsync("Saved");
        Assert.Equal("Second light, warmer and closer", (await fixture.Api.GetAssetAsync(token, ids[1])).GetProperty("prompt_text").GetString());

        // A bad generation config is refused before it is sent.
        await lightbox.GetByLabel("Generation config (JSON)").FillAsync("[1, 2]");
        await lightbox.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(lightbox.Locator(".field-error").Filter(new() { HasText = "JSON object" })).ToBeVisibleAsync();
        await lightbox.GetByLabel("Generation config (JSON)").FillAsync("");

        // Arrow keys move between assets (outside the form's fields); the address follows.
        await lightbox.Locator(".lightbox-stage").ClickAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.Locator("#lightbox-title")).ToHaveTextAsync($"Image {ids[0]}");
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(page.Locator("#lightbox-title")).ToHaveTextAsync($"Video {ids[2]}");
        await Expect(lightbox.Locator("video")).ToHaveAttributeAsync("src", new Regex(@"\.mp4$"));
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape($"asset={ids[2]}")));

        // Favourite from the lightbox, kept by the server.
        await lightbox.GetByRole(AriaRole.Button, new() { Name = "Favourite" }).ClickAsync();
        await Expect(lightbox.GetByRole(AriaRole.Button, new() { Name = "Favourite" })).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.True((await fixture.Api.GetAssetAsync(token, ids[2])).GetProperty("is_favorite").GetBoolean());

        // Copy link: a link to this asset in the app, which opens it.
        await lightbox.GetByRole(AriaRole.Button, new() { Name = "Copy link" }).ClickAsync();
        await Expect(lightbox.Locator(".toast")).ToHaveTextAsync(new Regex("Link copied"));
        var link = await page.EvaluateAsync<string>("navigator.clipboard.readText()");
        Assert.Equal($"{fixture.Server.BaseAddress}app/?project={project}&box={box}&asset={ids[2]}", link);

        await page.Keyboard.PressAsync("Escape");
        await Expect(lightbox).ToBeHiddenAsync();
        await Expect(page.Locator($".tile[data-asset-id='{ids[2]}'] .badge.favorite")).ToBeVisibleAsync();
        app.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Filters_by_type_favourite_and_model_and_keeps_them_in_the_address()
    {
        var (token, project, box, ids) = await BoxWithAssetsAsync("filterer");
        await using var app = await AppPage.OpenAsync(fixture);
        var page = app.Page;
        await app.SignInWithTokenAsync(token, $"/app/?project={project}&box={box}");
        var tiles = page.Locator(".tile");
        await Expect(tiles).ToHaveCountAsync(3);

        await page.GetByRole(AriaRole.Radio, new() { Name = "Videos" }).ClickAsync();
        await Expect(tiles).ToHaveCountAsync(1);
        await Expect(tiles.First).ToHaveAttributeAsync("data-asset-id", ids[2].ToString());
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape("type=VIDEO")));

        await page.GetByRole(AriaRole.Radio, new() { Name = "Images" }).ClickAsync();
        await Expect(tiles).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Button, new() { Name = "Favourites" }).ClickAsync();
        await Expect(tiles).ToHaveCountAsync(1);
        await Expect(tiles.First).ToHaveAttributeAsync("data-asset-id", ids[1].ToString());

        // The filters survive a reload.
        await page.ReloadAsync();
        await Expect(tiles).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Favourites" })).ToHaveAttributeAsync("aria-pressed", "true");

        await page.GetByRole(AriaRole.Button, new() { Name = "Favourites" }).ClickAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "All" }).ClickAsync();
        await page.GetByLabel("AI model").SelectOptionAsync(new SelectOptionValue { Label = "Veo 3" });
        await Expect(tiles).ToHaveCountAsync(1);
        await Expect(tiles.First).ToHaveAttributeAsync("data-asset-id", ids[2].ToString());

        await page.GetByLabel("AI model").SelectOptionAsync(new SelectOptionValue { Label = "Any model" });
        await page.GetByLabel("Order").SelectOptionAsync("created_at");
        await Expect(tiles).ToHaveCountAsync(3);
        await Expect(tiles.First).ToHaveAttributeAsync("data-asset-id", ids[0].ToString());
        app.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task More_pages_load_as_the_user_scrolls()
    {
        var api = fixture.Api;
        var token = await api.RegisterAsync(ApiHelper.NewUsername("scroller"));
        var project = await api.CreateProjectAsync(token, "Many");
        var box = await api.CreateBoxAsync(token, project, "Crowd");
        var png = SampleMedia.Png(90, 90, 160, 16);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async worker =>
        {
            for (var i = worker; i < 60; i += 4) await api.UploadAsync(token, box, $"n{i}.png", png);
        }));

        await using var app = await AppPage.OpenAsync(fixture, 1280, 800);
        var page = app.Page;
        await app.SignInWithTokenAsync(token, $"/app/?project={project}&box={box}");
        // A page is 48 assets; the second comes when the end of the grid comes near.
        await Expect(page.Locator(".tile")).ToHaveCountAsync(48);
        await page.Locator(".tile").Last.ScrollIntoViewIfNeededAsync();
        await Expect(page.Locator(".tile")).ToHaveCountAsync(60);
        await Expect(page.Locator(".gallery-count")).ToHaveTextAsync("60 assets");
        Assert.Equal(60, await page.EvaluateAsync<int>("new Set([...document.querySelectorAll('.tile')].map(t => t.dataset.assetId)).size"));
        app.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Assets_selected_together_are_deleted_after_a_confirmation()
    {
        var (token, project, box, ids) = await BoxWithAssetsAsync("selector");
        await using var app = await AppPage.OpenAsync(fixture);
        var page = app.Page;
        await app.SignInWithTokenAsync(token, $"/app/?project={project}&box={box}");
        await Expect(page.Locator(".tile")).ToHaveCountAsync(3);

        await page.GetByRole(AriaRole.Checkbox, new() { Name = $"Select Image {ids[0]}" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = $"Select Video {ids[2]}" }).CheckAsync();
        var bar = page.GetByRole(AriaRole.Toolbar, new() { Name = "Selected assets" });
        await Expect(bar).ToContainTextAsync("2 selected");

        await bar.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        var dialog = page.Locator("dialog.dialog");
        await Expect(dialog).ToContainTextAsync("Delete 2 assets?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(page.Locator(".tile")).ToHaveCountAsync(3);

        await bar.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete 2 assets" }).ClickAsync();
        await Expect(page.Locator(".tile")).ToHaveCountAsync(1);
        await Expect(bar).ToBeHiddenAsync();
        var left = await fixture.Api.ListAssetsAsync(token, box);
        Assert.Equal(ids[1], Assert.Single(left).GetProperty("id").GetInt32());
        app.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_deleted_asset_comes_back_with_undo()
    {
        var (token, project, box, ids) = await BoxWithAssetsAsync("undoer");
        await using var app = await AppPage.OpenAsync(fixture);
        var page = app.Page;
        await app.SignInWithTokenAsync(token, $"/app/?project={project}&box={box}&asset={ids[1]}");
        var lightbox = page.Locator("dialog.lightbox");
        await Expect(lightbox).ToBeVisibleAsync();

        await lightbox.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        // The lightbox moves on to the next asset; the deleted one leaves the grid until the undo window closes.
        await Expect(page.Locator("#lightbox-title")).ToHaveTextAsync($"Image {ids[0]}");
        await Expect(page.Locator($".tile[data-asset-id='{ids[1]}']")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo", Exact = true }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator(".tile")).ToHaveCountAsync(3);
        await Expect(page.Locator(".tile").Nth(1)).ToHaveAttributeAsync("data-asset-id", ids[1].ToString());
        Assert.Equal(3, (await fixture.Api.ListAssetsAsync(token, box)).Count);
        app.AssertNoConsoleErrors();
    }
}
