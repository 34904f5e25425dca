using Microsoft.Playwright;

namespace AssetManager.EndToEndTests.Fixtures;

/// <summary>
/// A page of the web app in its own browser context, with the steps the tests share: signing in by token, dropping
/// files as a user drags them from the desktop, screenshots, and the console errors the page raised.
/// </summary>
public sealed class AppPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];

    private AppPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) => { if (message.Type == "error") _errors.Add(message.Text); };
        page.PageError += (_, error) => _errors.Add(error);
    }

    public IPage Page { get; }

    /// <summary>Console errors and uncaught exceptions (a CSP violation is one).</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>Where screenshots go: E2E_ARTIFACTS_DIR, else TestResults/screenshots beside the test assembly.</summary>
    public static string ArtifactsDirectory { get; } = Environment.GetEnvironmentVariable("E2E_ARTIFACTS_DIR")
        ?? Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public static async Task<AppPage> OpenAsync(WebAppFixture fixture, int width = 1280, int height = 800)
    {
        var context = await fixture.NewContextAsync(width, height);
        return new AppPage(context, await context.NewPageAsync());
    }

    /// <summary>Signs in as a user with <paramref name="token"/> (stored as the app stores it) and opens <paramref name="path"/>.</summary>
    public async Task SignInWithTokenAsync(string token, string path = "/app/")
    {
        await Page.GotoAsync("/app/");
        await Page.EvaluateAsync("token => localStorage.setItem('assetmanager.token', token)", token);
        await Page.GotoAsync(path);
        await Page.Locator(".topbar").WaitForAsync();
    }

    /// <summary>Drops files on the element as a drag from the desktop does: dragenter, dragover, drop, one DataTransfer.</summary>
    public Task DropFilesAsync(string selector, params (string Name, string Type, byte[] Bytes)[] files) =>
        Page.EvaluateAsync("""
            ({ selector, files }) => {
              const transfer = new DataTransfer();
              for (const file of files) {
                const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
                transfer.items.add(new File([bytes], file.name, { type: file.type }));
              }
              const target = document.querySelector(selector);
              for (const type of ['dragenter', 'dragover', 'drop'])
                target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
            }
            """,
            new { selector, files = files.Select(f => new { name = f.Name, type = f.Type, base64 = Convert.ToBase64String(f.Bytes) }).ToArray() });

    /// <summary>Saves a full-window screenshot under <see cref="ArtifactsDirectory"/> and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ArtifactsDirectory);
        var path = Path.Combine(ArtifactsDirectory, $"{name}.png");
        // Let lazy images and the last transitions settle.
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Page.WaitForTimeoutAsync(250);
        // Chromium's video controls keep a loading spinner up for a moment after the first frame has come.
        if (await Page.Locator("video:visible").CountAsync() > 0)
        {
            await Page.WaitForFunctionAsync("[...document.querySelectorAll('video')].every(v => v.readyState >= 2)");
            await Page.WaitForTimeoutAsync(1000);
        }
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        return path;
    }

    /// <summary>Asserts that the page does not scroll sideways.</summary>
    public async Task AssertNoHorizontalScrollAsync(string where)
    {
        var (scroll, inner) = (await Page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await Page.EvaluateAsync<int>("innerWidth"));
        Assert.True(scroll <= inner, $"{where}: the page is {scroll}px wide in a {inner}px window");
    }

    /// <summary>
    /// Asserts that the page raised no error: no exception, no CSP violation. The browser's own line for an answer
    /// of 4xx that the page handles (a refused name, a refused file) is not one.
    /// </summary>
    public void AssertNoConsoleErrors()
    {
        var errors = _errors.Where(e => !HandledAnswer.IsMatch(e)).ToList();
        Assert.True(errors.Count == 0, "Console errors: " + string.Join(" | ", errors));
    }

    private static readonly System.Text.RegularExpressions.Regex HandledAnswer =
        new("^Failed to load resource: the server responded with a status of 4\\d\\d");

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
