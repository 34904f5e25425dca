using AssetManager.Application.Assets;
using AssetManager.Application.Common.Persistence;
using AssetManager.Domain.Assets;
using AssetManager.Infrastructure.Persistence;
using AssetManager.IntegrationTests.Fixtures;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AssetManager.IntegrationTests.Persistence;

/// <summary>
/// The upload's row writer the service uses on each provider (ADR 5: SQLite's own INSERT, EF Core's SaveChanges
/// elsewhere), on the service's own database.
/// </summary>
public abstract class AssetWriterTests(DatabaseProvider database) : IDisposable
{
    protected ApiFactory Factory { get; } = new(database: database);

    public void Dispose()
    {
        Factory.Dispose();
        GC.SuppressFinalize(this);
    }

    protected static readonly AssetMetadata Metadata = new("a \"quoted\" prompt, ünïcode", true, null, """{"steps":30}""", long.MaxValue);

    /// <summary>An asset made at <paramref name="ticks"/> past a whole second; whole microseconds unless asked otherwise.</summary>
    protected static Asset NewAsset(int boxId, string key, int ticks = 1230) => Asset.Create(
        boxId, AssetType.Video, new StoredFile(key, "https://cdn.example.com/" + key), Metadata, null,
        new DateTime(2026, 11, 26, 12, 34, 56, 789, DateTimeKind.Utc).AddTicks(ticks));

    protected abstract Type ExpectedWriter { get; }

    protected abstract void AssertForeignKeyError(Exception? error);

    [Fact]
    public async Task The_row_reads_back_as_written_in_utc_to_the_microsecond()
    {
        var box = await (await ApiClient.RegisterAsync(Factory)).CreateBoxAsync();
        var asset = NewAsset(box, "uploads/a.mp4");

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var writer = scope.ServiceProvider.GetRequiredService<IAssetWriter>();
            Assert.IsType(ExpectedWriter, writer);
            await writer.AddAsync(asset, CancellationToken.None);
        }

        Assert.True(asset.Id > 0);
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var read = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Assets.AsNoTracking().SingleAsync(a => a.Id == asset.Id);
            Assert.Equal((asset.CreatedAt, DateTimeKind.Utc, asset.UpdatedAt, asset.Metadata, asset.FileKey),
                (read.CreatedAt, read.CreatedAt.Kind, read.UpdatedAt, read.Metadata, read.FileKey));
        }
    }

    [Fact]
    public async Task A_row_whose_box_or_ai_model_is_gone_is_a_missing_reference_and_the_writer_goes_on()
    {
        var box = await (await ApiClient.RegisterAsync(Factory)).CreateBoxAsync();
        await using var scope = Factory.Services.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<IAssetWriter>();

        var noBox = await Assert.ThrowsAsync<MissingReferenceException>(() => writer.AddAsync(NewAsset(box + 1000, "uploads/a.mp4"), CancellationToken.None));
        AssertForeignKeyError(noBox.InnerException is DbUpdateException update ? update.InnerException : noBox.InnerException);
        var noAiModel = NewAsset(box, "uploads/b.mp4");
        noAiModel.Apply(Metadata with { AiModelId = 9999 });
        await Assert.ThrowsAsync<MissingReferenceException>(() => writer.AddAsync(noAiModel, CancellationToken.None));

        await writer.AddAsync(NewAsset(box, "uploads/c.mp4"), CancellationToken.None);
        Assert.Equal(["uploads/c.mp4"], RawRows().Select(r => (string)r["FileKey"]!));
    }

    protected List<Dictionary<string, object?>> RawRows() => Db.Rows(Factory, """SELECT * FROM "Assets" ORDER BY "Id" """);
}

public sealed class AssetWriterTestsOnSqlite() : AssetWriterTests(DatabaseProvider.Sqlite)
{
    protected override Type ExpectedWriter => typeof(SqliteAssetWriter);

    protected override void AssertForeignKeyError(Exception? error) =>
        Assert.Equal(787, Assert.IsType<SqliteException>(error).SqliteExtendedErrorCode);

    [Fact]
    public async Task The_service_writes_the_row_SaveChanges_would_write()
    {
        var box = await (await ApiClient.RegisterAsync(Factory)).CreateBoxAsync();
        var direct = NewAsset(box, "uploads/direct.mp4", ticks: 1234);
        var viaEf = NewAsset(box, "uploads/ef.mp4", ticks: 1234);

        await Factory.Services.GetRequiredService<SqliteAssetWriter>().AddAsync(direct, CancellationToken.None);
        await using (var scope = Factory.Services.CreateAsyncScope())
            await new EfAssetWriter(scope.ServiceProvider.GetRequiredService<AppDbContext>()).AddAsync(viaEf, CancellationToken.None);

        Assert.True(direct.Id > 0);
        Assert.Equal(direct.Id + 1, viaEf.Id);
        var rows = RawRows();
        Assert.Equal(2, rows.Count);
        Assert.Equal(direct.Id, Convert.ToInt32(rows[0]["Id"]));
        Assert.Equal("uploads/direct.mp4", rows[0]["FileKey"]);
        foreach (var column in rows[0].Keys.Except(["Id", "FileKey", "FileUrl"]))
            Assert.True(Equals(rows[0][column], rows[1][column]), $"{column}: {rows[0][column]} against {rows[1][column]}");
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var read = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Assets.AsNoTracking().SingleAsync(a => a.Id == direct.Id);
            Assert.Equal((direct.CreatedAt, DateTimeKind.Utc, direct.Metadata), (read.CreatedAt, read.CreatedAt.Kind, read.Metadata));
        }
    }
}

public sealed class AssetWriterTestsOnPostgreSql() : AssetWriterTests(DatabaseProvider.PostgreSql)
{
    protected override Type ExpectedWriter => typeof(EfAssetWriter);

    protected override void AssertForeignKeyError(Exception? error) =>
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, Assert.IsType<PostgresException>(error).SqlState);
}
