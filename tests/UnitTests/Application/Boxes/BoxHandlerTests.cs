using AssetManager.Application.Boxes.Commands.CreateBox;
using AssetManager.Application.Boxes.Commands.DeleteBox;
using AssetManager.Application.Boxes.Commands.UpdateBox;
using AssetManager.Application.Boxes.Queries.GetBox;
using AssetManager.Application.Boxes.Queries.ListBoxes;
using AssetManager.Application.Common.Paging;
using AssetManager.Application.Common.Storage;
using AssetManager.Domain.Common;
using AssetManager.UnitTests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace AssetManager.UnitTests.Application.Boxes;

public sealed class BoxHandlerTests : HandlerTestBase
{

    [Fact]
    public async Task Create_in_own_project()
    {
        var dto = await new CreateBoxHandler(_db.NewContext(), _clock)
            .Handle(new CreateBoxCommand(_w.Alice, _w.AliceProject.Id, "Scene 2", "d"), default);

        Assert.Equal(_w.AliceProject.Id, dto.Project);
        Assert.Equal("Scene 2", dto.Name);
        Assert.Equal("d", dto.Description);
        Assert.Equal(0, dto.AssetCount);
        Assert.Equal(TestDb.Now, dto.CreatedAt);
    }

    [Fact]
    public async Task Name_and_description_are_stored_trimmed_as_DRF_does()
    {
        var created = await new CreateBoxHandler(_db.NewContext(), _clock)
            .Handle(new CreateBoxCommand(_w.Alice, _w.AliceProject.Id, "  Scene  ", " d "), default);
        Assert.Equal(("Scene", "d"), (created.Name, created.Description));

        var updated = await new UpdateBoxHandler(_db.NewContext(), _clock)
            .Handle(new UpdateBoxCommand(_w.Alice, created.Id, null, "\tnew\t", " e ", Partial: false), default);
        Assert.Equal(("new", "e"), (updated.Name, updated.Description));
    }

    [Fact]
    public async Task Get_own_box_with_its_asset_count()
    {
        await _db.AddAssetAsync(_w.AliceBox, "uploads/1.jpg");
        await _db.AddAssetAsync(_w.AliceBox, "uploads/2.jpg");

        var dto = await new GetBoxHandler(_db.NewContext()).Handle(new GetBoxQuery(_w.Alice, _w.AliceBox.Id), default);

        Assert.Equal("Scene 1", dto.Name);
        Assert.Equal(2, dto.AssetCount);
        Assert.Equal(_w.AliceProject.Id, dto.Project);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Get_someone_elses_or_a_missing_box_is_404(bool exists)
    {
        var id = exists ? _w.BobBox.Id : 9999;
        await Assert.ThrowsAsync<NotFoundException>(() =>
            new GetBoxHandler(_db.NewContext()).Handle(new GetBoxQuery(_w.Alice, id), default).AsTask());
    }

    [Fact]
    public async Task List_shows_only_own_boxes_and_filters_by_project()
    {
        var second = await _db.AddProjectAsync(_w.Alice, "second");
        await _db.AddBoxAsync(second.Id, "in second");
        var handler = new ListBoxesHandler(_db.NewContext());

        var all = await handler.Handle(new ListBoxesQuery(_w.Alice, null, new PageRequest()), default);
        Assert.Equal(["Scene 1", "in second"], all.Results.Select(b => b.Name));

        var filtered = await handler.Handle(new ListBoxesQuery(_w.Alice, second.Id, new PageRequest()), default);
        Assert.Equal(["in second"], filtered.Results.Select(b => b.Name));

        var others = await handler.Handle(new ListBoxesQuery(_w.Alice, _w.BobProject.Id, new PageRequest()), default);
        Assert.Empty(others.Results);
    }

    [Fact]
    public async Task Update_moves_renames_and_touches()
    {
        var second = await _db.AddProjectAsync(_w.Alice, "second");
        RememberBox(_w.AliceBox, _w.Alice);
        _clock.Now = FixedClock.Default.AddDays(1);

        var dto = await new UpdateBoxHandler(_db.NewContext(), _clock)
            .Handle(new UpdateBoxCommand(_w.Alice, _w.AliceBox.Id, second.Id, "moved", null, Partial: true), default);

        Assert.Equal(second.Id, dto.Project);
        Assert.Equal("moved", dto.Name);
        Assert.Equal(TestDb.Now, dto.CreatedAt);
        Assert.Equal(TestDb.Now.AddDays(1), dto.UpdatedAt);
        Assert.False(IsBoxRemembered(_w.AliceBox, _w.Alice)); // an upload's answer names the box
    }

    [Fact]
    public async Task Update_someone_elses_box_is_404()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => new UpdateBoxHandler(_db.NewContext(), _clock)
            .Handle(new UpdateBoxCommand(_w.Alice, _w.BobBox.Id, _w.AliceProject.Id, "mine", null, Partial: false), default).AsTask());

        await using var context = _db.NewContext();
        var bobBox = await context.Boxes.SingleAsync(b => b.Id == _w.BobBox.Id);
        Assert.Equal(_w.BobProject.Id, bobBox.ProjectId);
        Assert.Equal("Bob's scene", bobBox.Name);
    }

    [Fact]
    public async Task Delete_removes_assets_and_their_stored_files()
    {
        await _db.AddAssetAsync(_w.AliceBox, "uploads/a.jpg");
        RememberBox(_w.AliceBox, _w.Alice);

        await new DeleteBoxHandler(_db.NewContext(), Deletions())
            .Handle(new DeleteBoxCommand(_w.Alice, _w.AliceBox.Id), default);

        await using var context = _db.NewContext();
        Assert.False(await context.Boxes.AnyAsync(b => b.Id == _w.AliceBox.Id));
        Assert.False(await context.Assets.AnyAsync());
        Assert.True(await context.Projects.AnyAsync(p => p.Id == _w.AliceProject.Id));
        await _storage.Received(1).DeleteAsync("uploads/a.jpg", Arg.Any<CancellationToken>());
        Assert.False(IsBoxRemembered(_w.AliceBox, _w.Alice));
    }

    [Fact]
    public async Task Delete_someone_elses_box_is_404_and_deletes_nothing()
    {
        await _db.AddAssetAsync(_w.BobBox, "uploads/bob.jpg");

        await Assert.ThrowsAsync<NotFoundException>(() =>
            new DeleteBoxHandler(_db.NewContext(), Deletions())
                .Handle(new DeleteBoxCommand(_w.Alice, _w.BobBox.Id), default).AsTask());

        await using var context = _db.NewContext();
        Assert.True(await context.Assets.AnyAsync());
        Assert.Empty(_storage.ReceivedCalls());
    }
}
