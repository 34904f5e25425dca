using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using AssetManager.EndToEndTests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AssetManager.EndToEndTests;

/// <summary>
/// Large files and the direct upload to S3 (issue "More ways in"). The server does not offer it yet, so one test
/// checks the fallback against the real server and the other plays the server's and the store's part at the
/// network layer, to drive the browser's side of a multipart upload through a dropped connection.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class DirectUploadTests(WebAppFixture fixture)
{
    private const int MiB = 1024 * 1024;

    /// <summary>A PNG's signature and header followed by padding: big, and still a .png to the server.</summary>
    private static byte[] LargePng(int bytes)
    {
        var png = SampleMedia.Png(10, 10, 10, 8);
        var large = new byte[bytes];
        png.CopyTo(large, 0);
        return large;
    }

    private async Task<(AppPage App, string Token, int Box)> OpenBoxAsync(string who)
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

    [Fact]
    public async Task A_large_file_goes_through_the_service_when_the_server_offers_no_direct_upload()
    {
        var (app, token, box) = await OpenBoxAsync("fallback");
        await using var _ = app;
        var page = app.Page;
        var asked = new ConcurrentBag<int>();
        page.Response += (_, response) => { if (response.Url.Contains("/upload-url/")) asked.Add(response.Status); };

        await page.Locator("input[type=file][multiple]:not([webkitdirectory])").SetInputFilesAsync(new FilePayload
        {
            Name = "master.png", MimeType = "image/png", Buffer = LargePng(9 * MiB),
        });
        await Expect(page.Locator(".queue-row[data-status=done]")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Expect(page.Locator(".tile")).ToHaveCountAsync(1);
        // Asked once (404 without the route, 400 from a disk store), then the normal upload.
        Assert.Single(asked);
        Assert.Contains(Assert.Single(asked), new[] { 400, 404, 405 });
        Assert.Single(await fixture.Api.ListAssetsAsync(token, box));
        app.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_direct_upload_in_parts_resumes_after_a_dropped_connection()
    {
        var (app, token, box) = await OpenBoxAsync("direct");
        await using var _ = app;
        var page = app.Page;
        var baseUrl = fixture.Server.BaseAddress.ToString().TrimEnd('/');
        var puts = new ConcurrentQueue<(int Part, int Bytes)>();
        var dropped = false;
        JsonElement? completion = null;

        await page.RouteAsync(new Regex($"/api/boxes/{box}/upload-url/?$"), route => route.FulfillAsync(new()
        {
            Status = 201, ContentType = "application/json",
            Body = JsonSerializer.Serialize(new
            {
                upload_id = "up-1", part_size = 5 * MiB, expires_at = "2099-01-01T00:00:00Z",
                parts = new[] { new { part_number = 1, url = $"{baseUrl}/fake-store/up-1/1" }, new { part_number = 2, url = $"{baseUrl}/fake-store/up-1/2" } },
            }),
        }));
        // The store: part 2's first try loses its connection; every other part is kept and answered with its ETag.
        await page.RouteAsync(new Regex("/fake-store/up-1/\\d$"), async route =>
        {
            var part = int.Parse(route.Request.Url[^1..]);
            puts.Enqueue((part, route.Request.PostDataBuffer?.Length ?? 0));
            if (part == 2 && !dropped) { dropped = true; await route.AbortAsync("connectionreset"); return; }
            await route.FulfillAsync(new() { Status = 200, Headers = new Dictionary<string, string> { ["ETag"] = $"\"etag-{part}\"" } });
        });
        // Asked after the drop which parts the store holds: part 1.
        await page.RouteAsync(new Regex($"/api/boxes/{box}/upload-url/up-1/?$"), route => route.FulfillAsync(new()
        {
            Status = 200, ContentType = "application/json",
            Body = """{"parts": [{"part_number": 1, "etag": "\"etag-1\"", "size": 5242880}]}""",
        }));
        // Completion: the server's part is played by a real upload, so the page gets a real asset back.
        await page.RouteAsync(new Regex($"/api/boxes/{box}/upload-complete/?$"), async route =>
        {
            completion = JsonDocument.Parse(route.Request.PostData!).RootElement.Clone();
            var asset = await fixture.Api.UploadAsync(token, box, "stand-in.png", SampleMedia.Png(40, 40, 200), prompt: "Harbour master");
            await route.FulfillAsync(new() { Status = 201, ContentType = "application/json", Body = asset.GetRawText() });
        });

        await page.GetByText("Details for the next files").ClickAsync();
        await page.GetByLabel("Prompt").FillAsync("Harbour master");
        await page.Locator("input[type=file][multiple]:not([webkitdirectory])").SetInputFilesAsync(new FilePayload
        {
            Name = "master.png", MimeType = "image/png", Buffer = LargePng(9 * MiB),
        });

        await Expect(page.Locator(".queue-row[data-status=done]")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Expect(page.Locator(".tile")).ToHaveCountAsync(1);
        var sent = puts.ToArray();
        Assert.Equal([(1, 5 * MiB), (2, 4 * MiB), (2, 4 * MiB)], sent.OrderBy(p => p.Part).ToArray());
        Assert.NotNull(completion);
        Assert.Equal("up-1", completion.Value.GetProperty("upload_id").GetString());
        Assert.Equal("Harbour master", completion.Value.GetProperty("prompt_text").GetString());
        var parts = completion.Value.GetProperty("parts").EnumerateArray()
            .Select(p => (p.GetProperty("part_number").GetInt32(), p.GetProperty("etag").GetString())).ToArray();
        Assert.Equal([(1, "\"etag-1\""), (2, "\"etag-2\"")], parts);
    }
}
