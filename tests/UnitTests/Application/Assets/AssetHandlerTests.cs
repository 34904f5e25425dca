using AssetManager.Application.Assets.Commands.DeleteAsset;
using AssetManager.Application.Assets.Commands.UpdateAsset;
using AssetManager.Application.Assets.Queries.GetAsset;
using AssetManager.Application.Assets.Queries.ListAssets;
using AssetManager.Application.Common.Paging;
using AssetManager.Application.Common.Storage;
using AssetManager.Domain.Assets;
using AssetManager.Domain.Common;
using AssetManager.UnitTests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace AssetManager.UnitTests.Application.Assets;

public sealed class AssetHandlerTests : HandlerTestBase
{
    private Asset _aliceImage = null!;
    private Asset _bobImage = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _aliceImage = await _db.AddAssetAsync(_w.AliceBox, "uploads/alice.jpg");
        _bobImage = await _db.AddAssetAsync(_w.BobBox, "uploads/bob.jpg");
    }

    [Fact]
    public async Task Get_own_asset_in_the_contract_shape()
    {
        var dto = await new GetAssetHandler(_db.NewContext()).Handle(new GetAssetQuery(_w.Alice, _aliceImage.Id), default);

        Assert.Equal(_aliceImage.Id, dto.Id);
        Assert.Equal(_w.AliceBox.Id, dto.Box);
        Assert.Equal("Scene 1", dto.BoxName);
        Assert.Equal("IMAGE", dto.AssetType);
        Assert.Equal("https://bucket.example.com/uploads/alice.jpg", dto.FileUrl);
        Assert.Empty(dto.GenerationConfig);
        Assert.Equal(DateTimeKind.Utc, dto.CreatedAt.Kind);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Get_someone_elses_or_a_missing_asset_is_404(bool exists)
    {
        var id = exists ? _bobImage.Id : 9999;
        await Assert.ThrowsAsync<NotFoundException>(() =>
            new GetAssetHandler(_db.NewContext()).Handle(new GetAssetQuery(_w.Alice, id), default).AsTask());
    }

    [Fact]
    public async Task List_shows_own_assets_newest_first_and_filters()
    {
        _clock.Now = FixedClock.Default;
        var video = await _db.AddAssetAsync(_w.AliceBox, "uploads/later.mp4", AssetType.Video);
        var handler = new ListAssetsHandler(_db.NewContext());

        var all = await handler.Handle(new ListAssetsQuery(_w.Alice, new AssetFilter(), new PageRequest()), default);
        Assert.Equal([video.Id, _aliceImage.Id], all.Results.Select(a => a.Id)); // same time: higher id first

        var oldest = await handler.Handle(new ListAssetsQuery(_w.Alice, new AssetFilter(OldestFirst: true), new PageRequest()), default);
        Assert.Equal([_aliceImage.Id, video.Id], oldest.Results.Select(a => a.Id));

        var videos = await handler.Handle(new ListAssetsQuery(_w.Alice, new AssetFilter(AssetType: AssetType.Video), new PageRequest()), default);
        Assert.Equal([video.Id], videos.Results.Select(a => a.Id));

        var favourites = await handler.Handle(new ListAssetsQuery(_w.Alice, new AssetFilter(IsFavorite: true), new PageRequest()), default);
        Assert.Empty(favourites.Results);

        var bobsBox = await handler.Handle(new ListAssetsQuery(_w.Alice, new AssetFilter(BoxId: _w.BobBox.Id), new PageRequest()), default);
        Assert.Empty(bobsBox.Results);
    }

    [Fact]
    public async Task List_of_someone_elses_box_is_404()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => new ListAssetsHandler(_db.NewContext())
            .Handle(new ListAssetsQuery(_w.Alice, new AssetFilter(), new PageRequest(), ScopeBoxId: _w.BobBox.Id), default).AsTask());
    }

    [Fact]
    public async Task List_of_own_box()
    {
        var page = await new ListAssetsHandler(_db.NewContext())
            .Handle(new ListAssetsQuery(_w.Alice, new AssetFilter(), new PageRequest(), ScopeBoxId: _w.AliceBox.Id), default);
        Assert.Equal([_aliceImage.Id], page.Results.Select(a => a.Id));
    }

    [Fact]
    public async Task Patch_changes_only_the_given_fields()
    {
        var other = await _db.AddBoxAsync(_w.AliceProject.Id, "Scene 2");
        _clock.Now = FixedClock.Default.AddHours(2);

        var dto = await new UpdateAssetHandler(_db.NewContext(), _clock).Handle(
            new UpdateAssetCommand(_w.Alice, _aliceImage.Id)
            {
                IsFavorite = true, AiModel = 6, GenerationConfig = "{\"fps\":24}", Seed = 7L, Box = other.Id,
            }, default);

        Assert.True(dto.IsFavorite);
        Assert.Equal(6, dto.AiModel);
        Assert.Equal("Sora", dto.AiModelName);
        Assert.Equal(24, (int)dto.GenerationConfig["fps"]!);
        Assert.Equal(7, dto.Seed);
        Assert.Equal(other.Id, dto.Box);
        Assert.Equal("Scene 2", dto.BoxName);
        Assert.Equal("", dto.PromptText); // not given: unchanged
        Assert.Equal(TestDb.Now.AddHours(2), dto.UpdatedAt);
        Assert.Equal(TestDb.Now, dto.CreatedAt);

        var cleared = await new UpdateAssetHandler(_db.NewContext(), _clock).Handle(
            new UpdateAssetCommand(_w.Alice, _aliceImage.Id) { AiModel = (int?)null, Seed = (long?)null }, default);
        Assert.Null(cleared.AiModel);
        Assert.Null(cleared.Seed);
        Assert.True(cleared.IsFavorite);
    }

    [Fact]
    public async Task Patch_of_someone_elses_asset_is_404()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => new UpdateAssetHandler(_db.NewContext(), _clock)
            .Handle(new UpdateAssetCommand(_w.Alice, _bobImage.Id) { PromptText = "mine" }, default).AsTask());
    }

    [Fact]
    public async Task Delete_removes_the_row_then_the_stored_file()
    {
        await new DeleteAssetHandler(_db.NewContext(), Deletions())
            .Handle(new DeleteAssetCommand(_w.Alice, _aliceImage.Id), default);

        await using var context = _db.NewContext();
        Assert.False(await context.Assets.AnyAsync(a => a.Id == _aliceImage.Id));
        await _storage.Received(1).DeleteAsync("uploads/alice.jpg", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Delete_of_someone_elses_asset_is_404_and_deletes_nothing()
    {
        await Assert.ThrowsAsync<NotFoundException>(() =>
            new DeleteAssetHandler(_db.NewContext(), Deletions())
                .Handle(new DeleteAssetCommand(_w.Alice, _bobImage.Id), default).AsTask());

        await using var context = _db.NewContext();
        Assert.True(await context.Assets.AnyAsync(a => a.Id == _bobImage.Id));
        Assert.Empty(_storage.ReceivedCalls());
    }
}
