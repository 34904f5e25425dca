using System.Net;
using System.Text.Json.Nodes;
using AssetManager.IntegrationTests.Fixtures;

namespace AssetManager.IntegrationTests.Uploads;

public abstract class ConcurrentUploadTests(S3ServiceFixture fx)
{
    [Fact]
    public async Task Fifty_simultaneous_uploads_into_one_box_all_succeed_with_distinct_keys_and_rows()
    {
        const int count = 50;
        var (client, box) = await fx.NewBoxAsync();
        // Every fifth file takes the multipart path; all have the same client name.
        var files = Enumerable.Range(0, count)
            .Select(i => i % 5 == 0 ? SampleFiles.Png(300 * 1024) : SampleFiles.Jpeg(4096 + i))
            .ToArray();
        using var start = new SemaphoreSlim(0);

        var uploads = files.Select(async (bytes, i) =>
        {
            await start.WaitAsync();
            var name = i % 5 == 0 ? "same.png" : "same.jpg";
            using var response = await client.UploadAsync(box, UploadForm.WithFile(name, bytes).Field("seed", i.ToString()));
            return (Status: response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        start.Release(count);
        var results = await Task.WhenAll(uploads);

        Assert.All(results, r => Assert.True(r.Status == HttpStatusCode.Created, $"{(int)r.Status}: {r.Body}"));
        var assets = results.Select(r => JsonNode.Parse(r.Body)!.AsObject()).ToList();
        var keys = assets.Select(fx.KeyOf).ToList();
        Assert.Equal(count, keys.Distinct().Count());
        Assert.All(keys, k => Assert.Matches(Api.UploadKey, k));
        Assert.Equal(count, assets.Select(a => (int)a["id"]!).Distinct().Count());
        Assert.Equal(count, Db.CountAssets(fx.Factory, box));
        Assert.Equal(keys.Order(), Db.FileKeys(fx.Factory, box).Order());
        Assert.Superset(keys.ToHashSet(), (await fx.KeysAsync()).ToHashSet());
        Assert.Empty(await fx.IncompleteUploadsAsync());

        // Each object holds its own upload's bytes (matched through the seed sent with it).
        foreach (var asset in assets.Where((_, i) => i % 7 == 0 || i % 5 == 0))
        {
            var seed = (int)asset["seed"]!;
            Assert.Equal(Api.Sha256(files[seed]), Api.Sha256(await Bucketing.ReadAsync(fx.S3, fx.Bucket, fx.KeyOf(asset))));
        }
    }
}

public sealed class ConcurrentUploadTestsOnSqlite(DefaultS3ServiceFixture fx) : ConcurrentUploadTests(fx), IClassFixture<DefaultS3ServiceFixture>;

public sealed class ConcurrentUploadTestsOnPostgreSql(DefaultS3ServiceFixtureOnPostgreSql fx) : ConcurrentUploadTests(fx), IClassFixture<DefaultS3ServiceFixtureOnPostgreSql>;
