using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AssetManager.EndToEndTests.Fixtures;

/// <summary>What the tests of large files share: a large file the server takes as a PNG, and a box open in the app.</summary>
public static class LargeFiles
{
    public const int MiB = 1024 * 1024;

    /// <summary>
    /// A small real PNG followed by noise up to <paramref name="bytes"/>: a .png to the server's checks and to the
    /// image reader (which stops at the end of the image), and bytes that differ everywhere, so that a part sent twice
    /// or out of place changes the checksum.
    /// </summary>
    public static byte[] Png(int bytes, int seed = 1)
    {
        var large = new byte[bytes];
        new Random(seed).NextBytes(large);
        SampleMedia.Png(10, 10, 10, 8).CopyTo(large, 0);
        return large;
    }

    /// <summary>A new user with a project and a box, signed in, the box open and its drop zone showing.</summary>
    public static async Task<(AppPage App, string Token, int Box)> OpenBoxAsync(WebAppFixture fixture, string who)
    {
        var api = fixture.Api;
        var token = await api.RegisterAsync(ApiHelper.NewUsername(who));
        var project = await api.CreateProjectAsync(token, "Large files");
        var box = await api.CreateBoxAsync(token, project, "Masters");
        var app = await AppPage.OpenAsync(fixture);
        await app.SignInWithTokenAsync(token, $"/app/?project={project}&box={box}");
        await Expect(app.Page.Locator(".dropzone")).ToBeVisibleAsync();
        return (app, token, box);
    }

    /// <summary>Chooses files with the upload button's file input (not the folder input).</summary>
    public static Task ChooseAsync(IPage page, string name, byte[] bytes) =>
        page.Locator("input[type=file][multiple]:not([webkitdirectory])").SetInputFilesAsync(new FilePayload
        {
            Name = name, MimeType = "image/png", Buffer = bytes,
        });
}
