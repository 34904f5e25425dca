using System.Net;
using System.Text.Json.Nodes;
using AssetManager.IntegrationTests.Fixtures;
using AssetManager.IntegrationTests.Uploads;

namespace AssetManager.IntegrationTests.Limits;

/// <summary>
/// A batch streams each file into the store as it arrives and keeps only a line per file until the rows are written:
/// the service's peak memory (its VmHWM, the service as a process of its own on moto) is the same after a batch of
/// 30 files as after a batch of 3.
/// </summary>
public sealed class BatchMemoryTests : IAsyncLifetime
{
    private const int FileBytes = 4 * 1024 * 1024;
    private const long GrowthBound = 24L * 1024 * 1024;
    private readonly string _bucket = "batch-memory-" + Guid.NewGuid().ToString("N")[..12];
    private MotoServer _moto = null!;

    public async Task InitializeAsync() => _moto = await SharedMoto.GetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_peak_memory_does_not_grow_with_the_number_of_files()
    {
        using var s3 = _moto.CreateClient();
        await s3.PutBucketAsync(_bucket);
        await using var service = await ServiceProcess.StartAsync(_moto.SettingsFor(_bucket));
        var user = await ApiClient.RegisterAsync(service.CreateClient());
        var box = await user.CreateBoxAsync();
        var file = SampleFiles.Png(FileBytes);

        Assert.Equal(3, await UploadBatchAsync(user, box, file, 3));
        var peakAfterFew = service.PeakResidentBytes;
        Assert.Equal(30, await UploadBatchAsync(user, box, file, 30));
        var peakAfterMany = service.PeakResidentBytes;

        Assert.True(peakAfterMany - peakAfterFew < GrowthBound,
            $"the peak went from {peakAfterFew >> 20} MiB after 3 files to {peakAfterMany >> 20} MiB after 30 of {FileBytes >> 20} MiB");
        Assert.Equal(33, (await Bucketing.KeysAsync(s3, _bucket)).Count);
    }

    private static async Task<int> UploadBatchAsync(ApiClient user, int box, byte[] file, int count)
    {
        var form = new UploadForm().Field("prompt_text", "Batch");
        for (var i = 0; i < count; i++) form.File($"frame-{i}.png", file, name: "files");
        using var response = await user.Http.PostAsync($"/api/boxes/{box}/upload/batch/", form.Build());
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonNode.Parse(text)!["created"]!.AsArray().Count;
    }
}
