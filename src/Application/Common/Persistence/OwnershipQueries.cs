using AssetManager.Domain.Assets;
using AssetManager.Domain.Boxes;
using AssetManager.Domain.Projects;

namespace AssetManager.Application.Common.Persistence;

/// <summary>
/// The owner is part of every query, so someone else's row and a missing row are the same 404.
/// </summary>
public static class OwnershipQueries
{
    public static IQueryable<Project> OwnedBy(this IQueryable<Project> projects, int userId) =>
        projects.Where(p => p.OwnerId == userId);

    public static IQueryable<Box> OwnedBy(this IQueryable<Box> boxes, int userId) =>
        boxes.Where(b => b.Project!.OwnerId == userId);

    public static IQueryable<Asset> OwnedBy(this IQueryable<Asset> assets, int userId) =>
        assets.Where(a => a.Box!.Project!.OwnerId == userId);
}
