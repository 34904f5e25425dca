using AssetManager.EndToEndTests.Fixtures;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AssetManager.EndToEndTests;

/// <summary>axe-core's checks (names and labels of controls, ARIA, structure) over the main screens.</summary>
[Collection(WebAppCollection.Name)]
public sealed class AccessibilityTests(WebAppFixture fixture)
{
    [Fact]
    public async Task The_main_screens_pass_axe()
    {
        var api = fixture.Api;
        var token = await api.RegisterAsync(ApiHelper.NewUsername("axe"));
        var project = await api.CreateProjectAsync(token, "Checked");
        var box = await api.CreateBoxAsync(token, project, "Scene");
        await api.UploadAsync(token, box, "a.png", SampleMedia.Png(200, 120, 40), prompt: "A lamp");
        await api.UploadAsync(token, box, "b.mp4", SampleMedia.Mp4(), favorite: true);

        await using var app = await AppPage.OpenAsync(fixture);
        var page = app.Page;
        await page.GotoAsync("/app/");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" }).WaitForAsync();
        await AssertNoViolationsAsync(page, "sign-in");

        await app.SignInWithTokenAsync(token, $"/app/?project={project}&box={box}");
        await page.GetByText("Details for the next files").ClickAsync();
        await page.Locator("input[type=file][multiple]:not([webkitdirectory])").SetInputFilesAsync(new FilePayload
        {
            Name = "c.png", MimeType = "image/png", Buffer = SampleMedia.Png(40, 120, 200),
        });
        await Expect(page.Locator(".tile")).ToHaveCountAsync(3);
        await page.Locator(".tile input[type=checkbox]").First.CheckAsync();
        await AssertNoViolationsAsync(page, "box view with queue and selection");

        await page.Locator(".tile .tile-open").Last.ClickAsync();
        await Expect(page.Locator("dialog.lightbox textarea[name=prompt_text]")).ToBeVisibleAsync();
        await AssertNoViolationsAsync(page, "lightbox");
        app.AssertNoConsoleErrors();
    }

    private static async Task AssertNoViolationsAsync(IPage page, string screen)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        });
        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}");
        Assert.True(result.Violations.Length == 0, $"{screen}:\n{string.Join("\n", violations)}");
    }
}
