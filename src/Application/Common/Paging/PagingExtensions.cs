using AssetManager.Domain.Common;
using Mapster;
using Microsoft.EntityFrameworkCore;

namespace AssetManager.Application.Common.Paging;

public static class PagingExtensions
{
    /// <summary>Counts, then projects one page to <typeparamref name="TDto"/>. A page past the end is a 404, as in DRF.</summary>
    public static async Task<Page<TDto>> ToPageAsync<TEntity, TDto>(
        this IQueryable<TEntity> query, PageRequest request, CancellationToken ct)
    {
        var count = await query.CountAsync(ct);
        var lastPage = Math.Max(1, (count + request.PageSize - 1) / request.PageSize);
        if (request.Page == PageRequest.Last) request = request with { Page = lastPage };
        if (request.Page < 1 || request.Page > lastPage)
            throw new NotFoundException("Invalid page.");
        var results = await query
            .Skip((request.Page - 1) * request.PageSize)
            .Take(request.PageSize)
            .ProjectToType<TDto>()
            .ToListAsync(ct);
        return new Page<TDto>(count, request.Page, request.PageSize, results);
    }
}
