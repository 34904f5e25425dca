using System.Net;
using System.Net.Http.Json;
using AssetManager.IntegrationTests.Fixtures;
using AssetManager.IntegrationTests.Storage;
using AssetManager.IntegrationTests.Uploads;

namespace AssetManager.IntegrationTests.Hardening;

/// <summary>
/// Requests racing on one resource get a success and 404s, never a 500 (contract section 1); uploads racing the delete
/// of their box leave every stored object with its row and every row with its object.
/// </summary>
public sealed class RaceTests(DefaultS3ServiceFixture s3, DiskServiceFixture disk)
    : IClassFixture<DefaultS3ServiceFixture>, IClassFixture<DiskServiceFixture>
{
    private const int Rounds = 6;

    [Fact]
    public async Task Parallel_deletes_of_one_box_project_or_asset_are_one_204_and_404s()
    {
        var (client, _) = await s3.NewBoxAsync();
        for (var round = 0; round < Rounds; round++)
        {
            var project = await client.CreateProjectAsync();
            var box = await client.CreateBoxAsync(project);
            var asset = (int)(await client.UploadJpegAsync(box))["id"]!;
            foreach (var path in new[] { $"/api/assets/{asset}/", $"/api/boxes/{box}/", $"/api/projects/{project}/" })
            {
                var statuses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.Http.DeleteAsync(path)));
                Assert.Equal(1, statuses.Count(r => r.StatusCode == HttpStatusCode.NoContent));
                Assert.All(statuses.Where(r => r.StatusCode != HttpStatusCode.NoContent), r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
            }
        }
    }

    [Fact]
    public async Task A_delete_racing_a_patch_is_never_a_500()
    {
        var (client, box) = await s3.NewBoxAsync();
        for (var round = 0; round < Rounds; round++)
        {
            var asset = (int)(await client.UploadJpegAsync(box))["id"]!;
            var project = await client.CreateProjectAsync();
            var patches = Enumerable.Range(0, 3).Select(i => client.Http.PatchAsJsonAsync($"/api/assets/{asset}/", new { prompt_text = $"p{i}" }))
                .Append(client.Http.PatchAsJsonAsync($"/api/projects/{project}/", new { name = "renamed" }));
            var deletes = new[] { client.Http.DeleteAsync($"/api/assets/{asset}/"), client.Http.DeleteAsync($"/api/projects/{project}/") };

            var responses = await Task.WhenAll(patches.Concat(deletes));

            Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.NoContent or HttpStatusCode.NotFound,
                $"{r.RequestMessage!.Method} {r.RequestMessage.RequestUri}: {(int)r.StatusCode}"));
        }
    }

    [Fact]
    public async Task Uploads_racing_the_delete_of_their_box_leave_the_s3_store_and_the_rows_alike()
    {
        var (client, _) = await s3.NewBoxAsync();
        await RaceUploadsAndDeletesAsync(client);

        await WaitForAsync(() => Db.Scalar(s3.Factory, """SELECT COUNT(*) FROM "ObjectDeletions" """) == 0);
        var rows = FileKeys(s3.Factory);
        var objects = (await s3.KeysAsync()).Where(k => k.StartsWith("uploads/")).ToHashSet();
        Assert.Equal(rows.Order(), objects.Order());
        Assert.Empty(await s3.IncompleteUploadsAsync());
    }

    [Fact]
    public async Task Uploads_racing_the_delete_of_their_box_leave_the_disk_store_and_the_rows_alike()
    {
        var (client, _) = await disk.NewBoxAsync();
        await RaceUploadsAndDeletesAsync(client);

        await WaitForAsync(() => Db.Scalar(disk.Factory, """SELECT COUNT(*) FROM "ObjectDeletions" """) == 0);
        var rows = FileKeys(disk.Factory);
        var files = disk.StoredFiles().Where(f => f.StartsWith("uploads/")).ToHashSet();
        Assert.Equal(rows.Order(), files.Order());
        Assert.False(Directory.Exists(disk.Incoming) && Directory.EnumerateFiles(disk.Incoming).Any());
    }

    /// <summary>For each round, four clients upload into a box while it (or its project) is deleted.</summary>
    private static async Task RaceUploadsAndDeletesAsync(ApiClient client)
    {
        for (var round = 0; round < Rounds; round++)
        {
            var project = await client.CreateProjectAsync();
            var box = await client.CreateBoxAsync(project);
            var keep = await client.CreateBoxAsync(project); // deleted with the project on odd rounds
            using var stop = new CancellationTokenSource();
            var uploaders = Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var target = i % 2 == 0 ? box : keep;
                    using var response = await client.UploadAsync(target, UploadForm.WithFile("r.jpg", SampleFiles.Jpeg(20_000 + i)));
                    Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.NotFound,
                        $"upload during a delete: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            })).ToList();
            await Task.Delay(150);
            var path = round % 2 == 0 ? $"/api/boxes/{box}/" : $"/api/projects/{project}/";
            Assert.Equal(HttpStatusCode.NoContent, (await client.Http.DeleteAsync(path)).StatusCode);
            await Task.Delay(150);
            stop.Cancel();
            await Task.WhenAll(uploaders);
        }
    }

    private static HashSet<string> FileKeys(ApiFactory factory)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT FileKey FROM Assets";
        using var reader = command.ExecuteReader();
        var keys = new HashSet<string>();
        while (reader.Read()) keys.Add(reader.GetString(0));
        return keys;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("recorded deletions were not carried out within 30 s");
            await Task.Delay(100);
        }
    }
}
