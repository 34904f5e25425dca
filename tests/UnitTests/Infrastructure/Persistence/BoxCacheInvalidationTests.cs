using AssetManager.Domain.Boxes;
using AssetManager.Domain.Projects;
using AssetManager.UnitTests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace AssetManager.UnitTests.Infrastructure.Persistence;

/// <summary>
/// ADR 5's remembered boxes are revoked where every change passes, SaveChanges, not by each command: these changes are
/// made the way any new command would make them, with no mention of the cache.
/// </summary>
public sealed class BoxCacheInvalidationTests : HandlerTestBase
{
    [Fact]
    public async Task A_box_renamed_by_any_code_is_forgotten()
    {
        RememberBox(_w.AliceBox, _w.Alice);
        await using var db = _db.NewContext();

        (await db.Boxes.SingleAsync(b => b.Id == _w.AliceBox.Id)).Rename("Elsewhere", TestDb.Now);
        await db.SaveChangesAsync();

        Assert.False(IsBoxRemembered(_w.AliceBox, _w.Alice));
    }

    [Fact]
    public void A_box_moved_by_a_synchronous_save_is_forgotten()
    {
        RememberBox(_w.AliceBox, _w.Alice);
        using var db = _db.NewContext();

        db.Boxes.Single(b => b.Id == _w.AliceBox.Id).MoveTo(_w.AliceProject.Id, TestDb.Now.AddMinutes(1));
        db.SaveChanges();

        Assert.False(IsBoxRemembered(_w.AliceBox, _w.Alice));
    }

    [Fact]
    public async Task The_boxes_of_a_deleted_project_are_forgotten_even_when_not_loaded()
    {
        var second = await _db.AddBoxAsync(_w.AliceProject.Id, "Scene 2");
        RememberBox(_w.AliceBox, _w.Alice);
        RememberBox(second, _w.Alice);
        RememberBox(_w.BobBox, _w.Bob);
        await using var db = _db.NewContext();

        db.Projects.Remove(await db.Projects.SingleAsync(p => p.Id == _w.AliceProject.Id));
        await db.SaveChangesAsync();

        Assert.False(IsBoxRemembered(_w.AliceBox, _w.Alice));
        Assert.False(IsBoxRemembered(second, _w.Alice));
        Assert.True(IsBoxRemembered(_w.BobBox, _w.Bob));
    }

    [Fact]
    public async Task The_box_is_forgotten_before_the_write_so_a_failed_write_still_forgets_it()
    {
        RememberBox(_w.AliceBox, _w.Alice);
        await using var db = _db.NewContext();

        (await db.Boxes.SingleAsync(b => b.Id == _w.AliceBox.Id)).MoveTo(projectId: 999_999, TestDb.Now); // no such project
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.False(IsBoxRemembered(_w.AliceBox, _w.Alice));
    }

    [Fact]
    public async Task Changes_that_leave_the_box_alone_keep_it_remembered()
    {
        RememberBox(_w.AliceBox, _w.Alice);
        await using var db = _db.NewContext();

        await _db.AddAssetAsync(_w.AliceBox, "uploads/a.png");
        db.Projects.Add(Project.Create(_w.Alice, "Another", "", TestDb.Now));
        db.Boxes.Add(Box.Create(_w.AliceProject.Id, "New scene", "", TestDb.Now));
        await db.SaveChangesAsync();

        Assert.True(IsBoxRemembered(_w.AliceBox, _w.Alice));
    }
}
