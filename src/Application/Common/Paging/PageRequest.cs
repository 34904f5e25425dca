namespace AssetManager.Application.Common.Paging;

/// <summary>A 1-based page of a list, DRF page-number style.</summary>
public sealed record PageRequest(int Page = 1, int PageSize = PageRequest.DefaultSize)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;

    /// <summary>Asks for the last page, whatever its number (DRF's <c>?page=last</c>).</summary>
    public const int Last = int.MaxValue;
}
