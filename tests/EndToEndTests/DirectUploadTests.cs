using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Web;
using Amazon.S3.Model;
using AssetManager.EndToEndTests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AssetManager.EndToEndTests;

/// <summary>
/// Large files go from the browser straight to a real S3 (moto on another port: a cross-origin PUT through the
/// bucket's CORS rule) with the service's presigned URLs, and the service only turns the object into an asset.
/// </summary>
[Collection(S3WebAppCollection.Name)]
public sealed class DirectUploadTests(S3WebAppFixture fixture)
{
    private const int MiB = LargeFiles.MiB;

    /// <summary>No request carried more than this to the service: the file's bytes went elsewhere.</summary>
    private const int SmallRequest = 64 * 1024;

    [Fact]
    public async Task A_large_file_goes_to_the_bucket_in_one_PUT_and_never_through_the_service()
    {
        var (app, token, box) = await LargeFiles.OpenBoxAsync(fixture, "direct-put");
        await using var _ = app;
        var page = app.Page;
        var sent = RecordRequests(page);
        var (serviceBefore, storeBefore) = (fixture.Server.Requests.Entries.Count, fixture.Moto.Log.Count);
        var bytes = LargeFiles.Png(9 * MiB, seed: 9);

        await LargeFiles.ChooseAsync(page, "master.png", bytes);

        await Expect(page.Locator(".queue-row[data-status=done]")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Expect(page.Locator(".tile")).ToHaveCountAsync(1);
        var put = Assert.Single(sent, r => r.Method == "PUT");
        var key = KeyOf(put.Url);
        Assert.StartsWith("uploads/", key);
        Assert.DoesNotContain("partNumber", put.Url);
        AssertBytesStayedAway(serviceBefore, box);
        // The browser asked the store itself whether it may PUT (a real preflight: no route is set on this page).
        var store = fixture.Moto.Log.Skip(storeBefore).ToList();
        Assert.Contains(store, line => line.Contains($"\"OPTIONS /{fixture.Bucket}/{key}?") && line.Contains("\" 200 "));
        Assert.Contains(store, line => line.Contains($"\"PUT /{fixture.Bucket}/{key}?") && line.Contains("\" 200 "));

        var asset = Assert.Single(await fixture.Api.ListAssetsAsync(token, box));
        Assert.Equal(bytes.Length, asset.GetProperty("file_size").GetInt64());
        Assert.EndsWith(key, asset.GetProperty("file_url").GetString());
        using var stored = await fixture.S3.GetObjectAsync(fixture.Bucket, key);
        Assert.Equal("image/png", stored.Headers.ContentType);
        Assert.Equal("max-age=86400", stored.Headers.CacheControl);
        Assert.Equal(bytes, await ReadAllAsync(stored));
        Assert.Equal(Sha256(bytes), await fixture.Api.WaitForChecksumAsync(token, asset.GetProperty("id").GetInt32()));
        app.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_file_in_parts_resumes_after_a_dropped_connection_and_sends_only_the_missing_part()
    {
        var (app, token, box) = await LargeFiles.OpenBoxAsync(fixture, "direct-parts");
        await using var _ = app;
        var page = app.Page;
        var sent = RecordRequests(page);
        var failed = new ConcurrentQueue<(string Url, string? Failure)>();
        page.RequestFailed += (_, request) => failed.Enqueue((request.Url, request.Failure));
        var (serviceBefore, storeBefore) = (fixture.Server.Requests.Entries.Count, fixture.Moto.Log.Count);
        var bytes = LargeFiles.Png(12 * MiB, seed: 12);
        await DropFirstPutOfPartAsync(page, 2);

        await page.GetByText("Details for the next files").ClickAsync();
        await page.GetByLabel("Prompt").FillAsync("Harbour master");
        await LargeFiles.ChooseAsync(page, "master.png", bytes);

        await Expect(page.Locator(".queue-row[data-status=done]")).ToHaveCountAsync(1, new() { Timeout = 60_000 });
        await Expect(page.Locator(".tile")).ToHaveCountAsync(1);

        // Three parts of 5, 5 and 2 MiB at once; part 2 lost its connection, was looked up and sent again, alone.
        var puts = sent.Where(r => r.Method == "PUT").Select(r => PartOf(r.Url)).ToList();
        Assert.Equal([1, 2, 3], puts.Take(3).Order());
        Assert.Equal([2], puts.Skip(3));
        var (droppedUrl, failure) = Assert.Single(failed);
        Assert.Equal(2, PartOf(droppedUrl));
        Assert.Contains("ERR_CONNECTION_RESET", failure);
        Assert.All(sent.Where(r => r.Method == "PUT"), r => Assert.StartsWith($"{fixture.Moto.Endpoint}/{fixture.Bucket}/uploads/", r.Url));
        var lookup = Assert.Single(sent, r => r.Method == "GET" && r.Url.Contains("/upload-url/"));
        var completion = Assert.Single(sent, r => r.Method == "POST" && r.Url.EndsWith($"/api/boxes/{box}/upload-complete/"));
        var completed = JsonDocument.Parse(completion.Body!).RootElement;
        var serviceUploadId = completed.GetProperty("upload_id").GetString()!;
        Assert.EndsWith($"/api/boxes/{box}/upload-url/{serviceUploadId}/", lookup.Url);
        Assert.Equal("Harbour master", completed.GetProperty("prompt_text").GetString());
        Assert.Equal([1, 2, 3], completed.GetProperty("parts").EnumerateArray().Select(p => p.GetProperty("part_number").GetInt32()));
        AssertBytesStayedAway(serviceBefore, box);
        // Every preflight went to the store and was allowed by the bucket's CORS rule.
        var preflights = fixture.Moto.Log.Skip(storeBefore).Where(line => line.Contains("\"OPTIONS /")).ToList();
        Assert.NotEmpty(preflights);
        Assert.All(preflights, line => Assert.Contains("\" 200 ", line));

        var asset = Assert.Single(await fixture.Api.ListAssetsAsync(token, box));
        var id = asset.GetProperty("id").GetInt32();
        Assert.Equal(bytes.Length, asset.GetProperty("file_size").GetInt64());
        Assert.Equal("Harbour master", asset.GetProperty("prompt_text").GetString());
        Assert.Equal(Sha256(bytes), await fixture.Api.WaitForChecksumAsync(token, id));
        using var stored = await fixture.S3.GetObjectAsync(fixture.Bucket, KeyOf(droppedUrl));
        Assert.Equal("image/png", stored.Headers.ContentType);
        Assert.Equal(bytes, await ReadAllAsync(stored));
        Assert.Empty((await fixture.S3.ListMultipartUploadsAsync(fixture.Bucket)).MultipartUploads ?? []);
        // The browser's own line for the connection the test cut is the only one.
        app.AssertNoConsoleErrors(expected: "net::ERR_CONNECTION_RESET");
    }

    private sealed record SentRequest(string Method, string Url, string? Body);

    /// <summary>What the page sent (method, URL, and the body of a small JSON request), in order.</summary>
    private static ConcurrentQueue<SentRequest> RecordRequests(IPage page)
    {
        var sent = new ConcurrentQueue<SentRequest>();
        page.Request += (_, request) =>
        {
            var json = request.Headers.TryGetValue("content-type", out var type) && type.StartsWith("application/json");
            sent.Enqueue(new SentRequest(request.Method, request.Url, json ? request.PostData : null));
        };
        return sent;
    }

    /// <summary>
    /// Cuts the connection of the first PUT of part <paramref name="part"/> at the browser's network layer, through
    /// the DevTools protocol's Fetch domain rather than Playwright's routes: while a route is set, Playwright answers
    /// every CORS preflight itself, and the bucket's CORS rule would go untested. Everything else, preflights
    /// included, is let through to the store untouched.
    /// </summary>
    private static async Task DropFirstPutOfPartAsync(IPage page, int part)
    {
        var devTools = await page.Context.NewCDPSessionAsync(page);
        var dropped = 0;
        devTools.Event("Fetch.requestPaused").OnEvent += (_, paused) =>
        {
            var id = paused!.Value.GetProperty("requestId").GetString()!;
            var request = paused.Value.GetProperty("request");
            var cut = request.GetProperty("method").GetString() == "PUT"
                && PartOf(request.GetProperty("url").GetString()!) == part
                && Interlocked.Exchange(ref dropped, 1) == 0;
            _ = cut
                ? devTools.SendAsync("Fetch.failRequest", new() { ["requestId"] = id, ["errorReason"] = "ConnectionReset" })
                : devTools.SendAsync("Fetch.continueRequest", new() { ["requestId"] = id });
        };
        await devTools.SendAsync("Fetch.enable", new()
        {
            ["patterns"] = new[] { new Dictionary<string, object> { ["urlPattern"] = "*partNumber=*", ["requestStage"] = "Request" } },
        });
    }

    private static int? PartOf(string url) =>
        int.TryParse(HttpUtility.ParseQueryString(new Uri(url).Query)["partNumber"], out var number) ? number : null;

    /// <summary>The object key of a presigned URL (path style: endpoint/bucket/key?signature).</summary>
    private string KeyOf(string url)
    {
        Assert.StartsWith($"{fixture.Moto.Endpoint}/{fixture.Bucket}/", url);
        return Uri.UnescapeDataString(new Uri(url).AbsolutePath)[$"/{fixture.Bucket}/".Length..];
    }

    /// <summary>The service saw the direct upload's calls, none of its own upload route, and nothing large.</summary>
    private void AssertBytesStayedAway(int since, int box)
    {
        var received = fixture.Server.Requests.Entries.Skip(since).ToList();
        Assert.Contains(received, e => e.Method == "POST" && e.Path == $"/api/boxes/{box}/upload-url/");
        Assert.Contains(received, e => e.Method == "POST" && e.Path == $"/api/boxes/{box}/upload-complete/");
        Assert.DoesNotContain(received, e => e.Path.Contains("/upload/"));
        Assert.All(received, e => Assert.True((e.ContentLength ?? 0) < SmallRequest, $"{e.Method} {e.Path} carried {e.ContentLength} bytes"));
    }

    private static async Task<byte[]> ReadAllAsync(GetObjectResponse stored)
    {
        using var copy = new MemoryStream();
        await stored.ResponseStream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
