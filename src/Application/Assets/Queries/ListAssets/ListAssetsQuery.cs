using AssetManager.Application.Common.Paging;
using AssetManager.Application.Common.Persistence;
using AssetManager.Domain.Assets;
using AssetManager.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AssetManager.Application.Assets.Queries.ListAssets;

/// <summary>The list's filters; <see cref="Checksum"/> is a SHA-256 as 64 lower-case hex digits.</summary>
public sealed record AssetFilter(
    int? BoxId = null, AssetType? AssetType = null, bool? IsFavorite = null, int? AiModelId = null, bool OldestFirst = false,
    string? Checksum = null);

/// <summary>
/// The caller's assets, filtered, newest first unless asked otherwise. With <paramref name="ScopeBoxId"/> the list is
/// one box's, and that box must be the caller's (else 404).
/// </summary>
public sealed record ListAssetsQuery(int UserId, AssetFilter Filter, PageRequest Page, int? ScopeBoxId = null) : IQuery<Page<AssetDto>>;

internal sealed class ListAssetsHandler(IAppDbContext db) : IQueryHandler<ListAssetsQuery, Page<AssetDto>>
{
    public async ValueTask<Page<AssetDto>> Handle(ListAssetsQuery query, CancellationToken cancellationToken)
    {
        if (query.ScopeBoxId is { } scope && !await db.OwnsBoxAsync(query.UserId, scope, cancellationToken))
            throw new NotFoundException();
        var filter = query.Filter;
        var assets = db.Assets.AsNoTracking().OwnedBy(query.UserId);
        if (query.ScopeBoxId is { } box) assets = assets.Where(a => a.BoxId == box);
        if (filter.BoxId is { } boxId) assets = assets.Where(a => a.BoxId == boxId);
        if (filter.AssetType is { } type) assets = assets.Where(a => a.AssetType == type);
        if (filter.IsFavorite is { } favorite) assets = assets.Where(a => a.IsFavorite == favorite);
        if (filter.AiModelId is { } model) assets = assets.Where(a => a.AiModelId == model);
        if (filter.Checksum is { } checksum) assets = assets.Where(a => a.ChecksumSha256 == checksum);
        var ordered = filter.OldestFirst
            ? assets.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            : assets.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id);
        return await ordered.ToPageAsync<Asset, AssetDto>(query.Page, cancellationToken);
    }
}
