using AssetManager.Application.Common.Caching;
using AssetManager.Domain.Boxes;
using AssetManager.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AssetManager.Infrastructure.Persistence;

/// <summary>
/// Revokes the remembered boxes (<see cref="RecentBoxes"/>, ADR 5) that a save is about to change or delete, before
/// the write, so that an upload racing the change cannot remember the old box. Every change made through
/// <c>SaveChanges</c> passes here, whatever command made it; the boxes of a deleted project go too, loaded or not.
/// Bulk statements (<c>ExecuteUpdate</c>, <c>ExecuteDelete</c>) bypass it: do not use them on boxes or projects.
/// </summary>
public sealed class BoxCacheInvalidation(RecentBoxes recentBoxes) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db)
        {
            RevokeTracked(db);
            foreach (var id in BoxesOf(db, DeletedProjects(db)).ToList()) recentBoxes.Revoke(id);
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            RevokeTracked(db);
            var projects = DeletedProjects(db);
            if (projects.Count > 0)
                foreach (var id in await BoxesOf(db, projects).ToListAsync(cancellationToken)) recentBoxes.Revoke(id);
        }
        return result;
    }

    private void RevokeTracked(DbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries<Box>())
            if (entry.State is EntityState.Modified or EntityState.Deleted) recentBoxes.Revoke(entry.Entity.Id);
    }

    private static List<int> DeletedProjects(DbContext db) =>
        db.ChangeTracker.Entries<Project>().Where(e => e.State == EntityState.Deleted).Select(e => e.Entity.Id).ToList();

    private static IQueryable<int> BoxesOf(DbContext db, List<int> projectIds) =>
        db.Set<Box>().AsNoTracking().Where(b => projectIds.Contains(b.ProjectId)).Select(b => b.Id);
}
