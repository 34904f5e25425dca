using System.Text.RegularExpressions;
using AssetManager.EndToEndTests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AssetManager.EndToEndTests;

/// <summary>Projects and boxes from the sidebar: create (and the API's refusal in words), rename, move, delete.</summary>
[Collection(WebAppCollection.Name)]
public sealed class ProjectTests(WebAppFixture fixture)
{
    [Fact]
    public async Task Projects_and_boxes_are_created_renamed_moved_and_deleted_from_the_sidebar()
    {
        var api = fixture.Api;
        var token = await api.RegisterAsync(ApiHelper.NewUsername("organiser"));
        await using var app = await AppPage.OpenAsync(fixture);
        var page = app.Page;
        await app.SignInWithTokenAsync(token);
        await Expect(page.GetByText("Start by naming a project")).ToBeVisibleAsync();

        // A name the API refuses: its message, not a console error.
        var newProject = page.GetByRole(AriaRole.Textbox, new() { Name = "New project" });
        await newProject.FillAsync(new string('x', 201));
        await newProject.PressAsync("Enter");
        await Expect(page.Locator(".create-form .field-error").First).ToContainTextAsync("200 characters");
        await Expect(newProject).ToHaveAttributeAsync("aria-invalid", "true");

        await newProject.FillAsync("Spring campaign");
        await newProject.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Spring campaign", Exact = true })).ToBeVisibleAsync();
        await newProject.FillAsync("Archive");
        await newProject.PressAsync("Enter");
        // The app opens the new project once the server has it: wait for that, or it would follow the next click
        // (on a busy machine the box below was once made in "Archive").
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Archive", Exact = true })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Spring campaign" }).ClickAsync();

        var newBox = page.GetByRole(AriaRole.Textbox, new() { Name = "New box (scene)" });
        await newBox.FillAsync("Scene 1");
        await newBox.PressAsync("Enter");
        await Expect(page.Locator("h1.box-title")).ToHaveTextAsync("Scene 1");
        // No box, no drop zone: it only exists in a box.
        await Expect(page.Locator(".dropzone")).ToBeVisibleAsync();

        // Rename the box through its menu.
        await page.GetByRole(AriaRole.Button, new() { Name = "Actions for Scene 1" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Rename" }).ClickAsync();
        var dialog = page.Locator("dialog.dialog");
        await dialog.GetByLabel("Name").FillAsync("Opening shot");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Rename" }).ClickAsync();
        await Expect(page.Locator("h1.box-title")).ToHaveTextAsync("Opening shot");

        var box = int.Parse(Regex.Match(page.Url, @"box=(\d+)").Groups[1].Value);
        await api.UploadAsync(token, box, "a.png", SampleMedia.Png(10, 200, 10));
        await api.UploadAsync(token, box, "b.png", SampleMedia.Png(200, 10, 10));
        await page.ReloadAsync();
        await Expect(page.Locator(".tile")).ToHaveCountAsync(2);

        // Move it to the other project: the box stays open, now under "Archive".
        await page.GetByRole(AriaRole.Button, new() { Name = "Actions for Opening shot" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Move to project…" }).ClickAsync();
        await dialog.GetByLabel("To project").SelectOptionAsync(new SelectOptionValue { Label = "Archive" });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Move" }).ClickAsync();
        await Expect(page.Locator(".crumbs")).ToHaveTextAsync("Archive");
        await Expect(page.Locator(".tile")).ToHaveCountAsync(2);

        // Deleting the project says what goes with it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Actions for Archive" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Delete" }).ClickAsync();
        await Expect(dialog).ToContainTextAsync("1 box and 2 assets");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete project" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Archive" })).ToHaveCountAsync(0);
        await Expect(page.Locator(".tile")).ToHaveCountAsync(0);
        await Expect(page).Not.ToHaveURLAsync(new Regex(Regex.Escape("box=")));
        app.AssertNoConsoleErrors();
    }
}
