using System.Collections.Concurrent;
using System.Text.Json;
using AssetManager.EndToEndTests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace AssetManager.EndToEndTests;

/// <summary>A large file on a server that keeps its files on disk: no direct upload there, so it goes through the service.</summary>
[Collection(WebAppCollection.Name)]
public sealed class DirectUploadFallbackTests(WebAppFixture fixture)
{
    [Fact]
    public async Task A_large_file_goes_through_the_service_when_the_store_is_not_S3()
    {
        var (app, token, box) = await LargeFiles.OpenBoxAsync(fixture, "fallback");
        await using var _ = app;
        var page = app.Page;
        var asked = new ConcurrentBag<string>();
        page.Request += (_, request) => { if (request.Url.Contains("/upload-url/")) asked.Add(request.Url); };
        var bytes = LargeFiles.Png(9 * LargeFiles.MiB);
        // Handing the browser 9 MiB takes seconds on a busy machine: the wait starts before it.
        var refusal = page.WaitForResponseAsync(r => r.Url.Contains($"/api/boxes/{box}/upload-url/"), new() { Timeout = 60_000 });

        await LargeFiles.ChooseAsync(page, "master.png", bytes);

        var answer = await refusal;
        Assert.Equal(400, answer.Status);
        Assert.Equal("Direct upload needs S3 storage", JsonDocument.Parse(await answer.TextAsync()).RootElement.GetProperty("error").GetString());
        await Expect(page.Locator(".queue-row[data-status=done]")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Expect(page.Locator(".tile")).ToHaveCountAsync(1);
        Assert.Single(asked);
        // The bytes went through the service's own upload route.
        Assert.Contains(fixture.Server.Requests.Entries,
            e => e.Method == "POST" && e.Path == $"/api/boxes/{box}/upload/" && e.ContentLength > bytes.Length);
        var asset = Assert.Single(await fixture.Api.ListAssetsAsync(token, box));
        Assert.Equal(bytes.Length, asset.GetProperty("file_size").GetInt64());
        app.AssertNoConsoleErrors();
    }
}
