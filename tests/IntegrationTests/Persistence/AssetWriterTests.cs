using AssetManager.Application.Assets;
using AssetManager.Application.Common.Persistence;
using AssetManager.Domain.Assets;
using AssetManager.Infrastructure.Persistence;
using AssetManager.IntegrationTests.Fixtures;
using AssetManager.IntegrationTests.Uploads;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssetManager.IntegrationTests.Persistence;

/// <summary>The SQLite upload's own INSERT (ADR 5) against EF Core's SaveChanges, on the service's database file.</summary>
public sealed class AssetWriterTests : IDisposable
{
    private readonly ApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static readonly AssetMetadata Metadata = new("a \"quoted\" prompt, ünïcode", true, null, """{"steps":30}""", long.MaxValue);

    private static Asset NewAsset(int boxId, string key) => Asset.Create(
        boxId, AssetType.Video, new StoredFile(key, "https://cdn.example.com/" + key), Metadata, null,
        new DateTime(2026, 11, 26, 12, 34, 56, 789, DateTimeKind.Utc).AddTicks(1234));

    [Fact]
    public async Task The_service_writes_the_row_SaveChanges_would_write()
    {
        var box = await (await ApiClient.RegisterAsync(_factory)).CreateBoxAsync();
        var direct = NewAsset(box, "uploads/direct.mp4");
        var viaEf = NewAsset(box, "uploads/ef.mp4");

        var writer = _factory.Services.GetRequiredService<SqliteAssetWriter>();
        Assert.IsType<SqliteAssetWriter>(writer);
        await writer.AddAsync(direct, CancellationToken.None);
        await using (var scope = _factory.Services.CreateAsyncScope())
            await new EfAssetWriter(scope.ServiceProvider.GetRequiredService<AppDbContext>()).AddAsync(viaEf, CancellationToken.None);

        Assert.True(direct.Id > 0);
        Assert.Equal(direct.Id + 1, viaEf.Id);
        var rows = RawRows();
        Assert.Equal(2, rows.Count);
        Assert.Equal(direct.Id, Convert.ToInt32(rows[0]["Id"]));
        Assert.Equal("uploads/direct.mp4", rows[0]["FileKey"]);
        foreach (var column in rows[0].Keys.Except(["Id", "FileKey", "FileUrl"]))
            Assert.True(Equals(rows[0][column], rows[1][column]), $"{column}: {rows[0][column]} against {rows[1][column]}");
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var read = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Assets.AsNoTracking().SingleAsync(a => a.Id == direct.Id);
            Assert.Equal((direct.CreatedAt, DateTimeKind.Utc, direct.Metadata), (read.CreatedAt, read.CreatedAt.Kind, read.Metadata));
        }
    }

    [Fact]
    public async Task A_row_whose_box_or_ai_model_is_gone_is_a_missing_reference_and_the_writer_goes_on()
    {
        var box = await (await ApiClient.RegisterAsync(_factory)).CreateBoxAsync();
        var writer = _factory.Services.GetRequiredService<SqliteAssetWriter>();

        var noBox = await Assert.ThrowsAsync<MissingReferenceException>(() => writer.AddAsync(NewAsset(box + 1000, "uploads/a.mp4"), CancellationToken.None));
        Assert.IsType<SqliteException>(noBox.InnerException);
        var noAiModel = NewAsset(box, "uploads/b.mp4");
        noAiModel.Apply(Metadata with { AiModelId = 9999 });
        await Assert.ThrowsAsync<MissingReferenceException>(() => writer.AddAsync(noAiModel, CancellationToken.None));

        await writer.AddAsync(NewAsset(box, "uploads/c.mp4"), CancellationToken.None);
        Assert.Equal(["uploads/c.mp4"], RawRows().Select(r => (string)r["FileKey"]!));
    }

    private List<Dictionary<string, object?>> RawRows() => Db.Rows(_factory, "SELECT * FROM Assets ORDER BY Id");
}
