using System.Text.RegularExpressions;
using System.Net;
using AssetManager.EndToEndTests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AssetManager.EndToEndTests;

/// <summary>Signing up, signing out without a trace, and links that survive a reload.</summary>
[Collection(WebAppCollection.Name)]
public sealed class AccountTests(WebAppFixture fixture)
{
    [Fact]
    public async Task A_visitor_signs_up_after_the_server_explains_its_password_rules()
    {
        await using var app = await AppPage.OpenAsync(fixture);
        var page = app.Page;
        await page.GotoAsync("/");
        Assert.EndsWith("/app/", page.Url);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Expect(page.Locator(".topbar")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Create an account" }).ClickAsync();
        var username = ApiHelper.NewUsername("newcomer");
        await page.GetByLabel("Username").FillAsync(username);
        var password = page.GetByLabel("Password");
        var messages = page.Locator($"#{await password.GetAttributeAsync("id")}-error .message");

        // Django's rules in the server's own words, under the password field they are about, one line each.
        (string Password, string Message)[] refusals =
        [
            ("k7#Lm2", "This password is too short. It must contain at least 8 characters."),
            ("20260917443", "This password is entirely numeric."),
            (username + "!", "The password is too similar to the username."),
        ];
        foreach (var (refused, message) in refusals)
        {
            await password.FillAsync(refused);
            await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
            await Expect(messages).ToHaveTextAsync([message]);
            await Expect(password).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(password).ToBeFocusedAsync();
        }

        await password.FillAsync(ApiHelper.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Welcome, {username}" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Account: {username}" })).ToBeVisibleAsync();
        app.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Signing_out_leaves_nothing_of_the_user_on_the_page_or_in_storage()
    {
        var api = fixture.Api;
        var username = ApiHelper.NewUsername("leaver");
        var token = await api.RegisterAsync(username);
        var project = await api.CreateProjectAsync(token, "Confidential launch");
        var box = await api.CreateBoxAsync(token, project, "Teaser scene");
        var asset = await api.UploadAsync(token, box, "teaser.png", SampleMedia.Png(200, 60, 80), prompt: "A secret product on a pedestal");

        await using var app = await AppPage.OpenAsync(fixture);
        var page = app.Page;
        await app.SignInWithTokenAsync(token, $"/app/?project={project}&box={box}");
        await page.Locator(".tile .tile-open").First.ClickAsync();
        await Expect(page.Locator("dialog.lightbox textarea[name=prompt_text]")).ToHaveValueAsync("A secret product on a pedestal");
        await page.Keyboard.PressAsync("Escape");
        await page.Locator("input[type=file][multiple]:not([webkitdirectory])").SetInputFilesAsync(new FilePayload
        {
            Name = "second-take.png", MimeType = "image/png", Buffer = SampleMedia.Png(30, 90, 200),
        });
        await Expect(page.Locator(".queue-row[data-status=done]")).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Button, new() { Name = $"Account: {username}" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Sign out", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        var html = await page.EvaluateAsync<string>("document.documentElement.outerHTML");
        foreach (var trace in new[] { username, "Confidential launch", "Teaser scene", "secret product", "second-take", asset.GetProperty("file_url").GetString()!, token })
            Assert.DoesNotContain(trace, html);
        Assert.Equal(0, await page.EvaluateAsync<int>("localStorage.length + sessionStorage.length"));
        await Expect(page).Not.ToHaveURLAsync(new Regex(Regex.Escape("?")));
        Assert.Equal(0, await page.Locator("dialog, .tile, .queue-row").CountAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, await api.MeStatusAsync(token));
        app.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_the_session_in_every_browser()
    {
        var api = fixture.Api;
        var username = ApiHelper.NewUsername("traveller");
        var laptopToken = await api.RegisterAsync(username);
        var phoneToken = await api.LoginAsync(username);
        var project = await api.CreateProjectAsync(laptopToken, "On the road");
        await api.CreateBoxAsync(laptopToken, project, "Airport");

        await using var laptop = await AppPage.OpenAsync(fixture);
        await using var phone = await AppPage.OpenAsync(fixture, 390, 844);
        await laptop.SignInWithTokenAsync(laptopToken, $"/app/?project={project}");
        await phone.SignInWithTokenAsync(phoneToken, $"/app/?project={project}");

        await laptop.Page.GetByRole(AriaRole.Button, new() { Name = $"Account: {username}" }).ClickAsync();
        await laptop.Page.GetByRole(AriaRole.Menuitem, new() { Name = "Sign out everywhere" }).ClickAsync();
        await Expect(laptop.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Expect(laptop.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("You are signed out on every device.");
        Assert.Equal(HttpStatusCode.Unauthorized, await api.MeStatusAsync(laptopToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await api.MeStatusAsync(phoneToken));

        // The phone still shows what it had; its next request finds the token revoked and leaves.
        var phonePage = phone.Page;
        await Expect(phonePage.Locator(".topbar")).ToBeVisibleAsync();
        await phonePage.GetByRole(AriaRole.Button, new() { Name = "Projects and boxes" }).ClickAsync();
        await phonePage.Locator("#sidebar").GetByRole(AriaRole.Link, new() { Name = "Airport" }).ClickAsync();
        await Expect(phonePage.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Expect(phonePage.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your session has ended. Please sign in again.");
        Assert.Equal(0, await phonePage.EvaluateAsync<int>("localStorage.length + sessionStorage.length"));
        Assert.DoesNotContain("On the road", await phonePage.EvaluateAsync<string>("document.documentElement.outerHTML"));
        await Expect(phonePage).Not.ToHaveURLAsync(new Regex(Regex.Escape("?")));
        laptop.AssertNoConsoleErrors();
        phone.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Failed_logins_are_throttled_and_the_form_waits_out_retry_after()
    {
        var username = ApiHelper.NewUsername("guesser");
        await fixture.Api.RegisterAsync(username);
        await using var app = await AppPage.OpenAsync(fixture);
        var page = app.Page;
        await page.GotoAsync("/app/");
        await page.GetByLabel("Username").FillAsync(username);
        var password = page.GetByLabel("Password");
        var submit = page.Locator(".auth-form button[type=submit]");
        var alert = page.Locator(".auth-form .form-error");

        for (var attempt = 0; attempt < WebAppServer.ThrottledAfter; attempt++)
        {
            await password.FillAsync($"wrong-guess-{attempt}");
            await submit.ClickAsync(); // waits for the button to come back from the previous attempt
            await Expect(alert).ToHaveTextAsync("Unable to log in with provided credentials.");
        }
        await Expect(submit).ToBeEnabledAsync();

        // One guess too many: the server's message, and a button that counts down Retry-After.
        await password.FillAsync("one-more-guess");
        await submit.ClickAsync();
        await Expect(alert).ToHaveTextAsync(new Regex($@"^Request was throttled\. Expected available in [1-{Window}] seconds\.$"));
        await Expect(submit).ToHaveTextAsync(new Regex($@"^Try again in [1-{Window}] s$"));
        await Expect(submit).ToBeDisabledAsync();

        // Once Retry-After has passed (the later of the throttle's window and the account's lockout) the form takes
        // logins again, and the right password gets in at the first try.
        await password.FillAsync(ApiHelper.Password);
        var account = page.GetByRole(AriaRole.Button, new() { Name = $"Account: {username}" });
        await Expect(submit).ToHaveTextAsync("Sign in", new() { Timeout = (Window + 2) * 1000 });
        await Expect(submit).ToBeEnabledAsync();
        await Expect(alert).ToBeEmptyAsync();
        await submit.ClickAsync();
        await Expect(account).ToBeVisibleAsync();
        app.AssertNoConsoleErrors();
    }

    private const int Window = WebAppServer.ThrottleWindowSeconds;

    [Fact]
    public async Task A_link_to_an_asset_opens_it_and_survives_a_reload()
    {
        var api = fixture.Api;
        var token = await api.RegisterAsync(ApiHelper.NewUsername("linker"));
        var project = await api.CreateProjectAsync(token, "Shared work");
        await api.CreateBoxAsync(token, project, "Other scene");
        var box = await api.CreateBoxAsync(token, project, "Linked scene");
        await api.UploadAsync(token, box, "one.png", SampleMedia.Png(90, 160, 90), prompt: "First");
        var asset = (await api.UploadAsync(token, box, "two.png", SampleMedia.Png(160, 90, 90), prompt: "The linked one")).GetProperty("id").GetInt32();

        await using var app = await AppPage.OpenAsync(fixture);
        var page = app.Page;
        // A link naming only the box and the asset: the app finds the project.
        await app.SignInWithTokenAsync(token, $"/app/?box={box}&asset={asset}");
        await AssertShowsAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape($"project={project}")));

        await page.ReloadAsync();
        await AssertShowsAsync();

        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("dialog.lightbox")).ToBeHiddenAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex(Regex.Escape("asset=")));
        await page.ReloadAsync();
        await Expect(page.Locator(".nav-link[aria-current=page]")).ToHaveTextAsync(new Regex("Linked scene"));
        await Expect(page.Locator("dialog.lightbox")).ToHaveCountAsync(1);
        await Expect(page.Locator("dialog.lightbox")).ToBeHiddenAsync();
        app.AssertNoConsoleErrors();

        async Task AssertShowsAsync()
        {
            await Expect(page.Locator("dialog.lightbox")).ToBeVisibleAsync();
            await Expect(page.Locator("#lightbox-title")).ToHaveTextAsync($"Image {asset}");
            await Expect(page.Locator("dialog.lightbox textarea[name=prompt_text]")).ToHaveValueAsync("The linked one");
            await Expect(page.Locator(".nav-link[aria-current=page]")).ToContainTextAsync("Linked scene");
        }
    }
}
