using Microsoft.Playwright;

namespace AssetManager.EndToEndTests.Fixtures;

/// <summary>
/// One server and one headless Chromium (Debian's, /usr/bin/chromium: no browser is downloaded) for every end-to-end
/// test of a collection; each test gets its own browser context, so its storage and cookies are its own. The server
/// keeps files on disk; <see cref="S3WebAppFixture"/> puts them in a bucket.
/// </summary>
public class WebAppFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium; CHROMIUM_PATH points elsewhere on a machine that has it in another place.</summary>
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private WebAppServer? _server;

    public WebAppServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public ApiHelper Api => new(Server.BaseAddress);

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    /// <summary>Playwright gives every launch a fresh temporary profile of its own (it refuses --user-data-dir).</summary>
    public async Task InitializeAsync()
    {
        _server = await StartServerAsync();
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    /// <summary>Starts the service (on the disk store here).</summary>
    protected virtual Task<WebAppServer> StartServerAsync() => Task.FromResult(new WebAppServer());

    /// <summary>A fresh context (empty storage) at desktop size unless told otherwise, with the clipboard allowed.</summary>
    public async Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Permissions = ["clipboard-read", "clipboard-write"],
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    public virtual async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        _server?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class WebAppCollection : ICollectionFixture<WebAppFixture>
{
    public const string Name = "Web app in Chromium";
}
