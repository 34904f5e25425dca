using AssetManager.Application.Common.Paging;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace AssetManager.WebApi.Http;

/// <summary>DRF's page-number pagination body.</summary>
public sealed record Paginated<T>(int Count, string? Next, string? Previous, IReadOnlyList<T> Results);

public static class Pagination
{
    public const string PageParameter = "page";
    public const string PageSizeParameter = "page_size";

    /// <summary>The page asked for; a page that is not a number is DRF's 404 "Invalid page.", a bad size the default.</summary>
    public static PageRequest FromQuery(HttpRequest request)
    {
        var pageText = request.Query[PageParameter].ToString();
        var page = 1;
        if (pageText == "last") page = PageRequest.Last;
        else if (pageText.Length > 0 && !int.TryParse(pageText, out page))
            throw new Domain.Common.NotFoundException("Invalid page.");
        var size = int.TryParse(request.Query[PageSizeParameter].ToString(), out var asked) && asked > 0
            ? Math.Min(asked, PageRequest.MaxSize)
            : PageRequest.DefaultSize;
        return new PageRequest(page, size);
    }

    public static Paginated<T> ToBody<T>(this Page<T> page, HttpRequest request) => new(
        page.Count,
        page.HasNext ? LinkTo(request, page.Number + 1) : null,
        page.HasPrevious ? LinkTo(request, page.Number - 1) : null,
        page.Results);

    // DRF drops the page parameter for the first page and keeps every other parameter.
    private static string LinkTo(HttpRequest request, int pageNumber)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        query.Remove(PageParameter);
        var builder = new QueryBuilder(query.SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? ""))));
        if (pageNumber > 1) builder.Add(PageParameter, pageNumber.ToString());
        var baseUrl = request.HttpContext.RequestServices.GetRequiredService<PublicBaseUrl>().For(request);
        return baseUrl + request.Path.ToUriComponent() + builder.ToQueryString().ToUriComponent();
    }
}
