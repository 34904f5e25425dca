namespace AssetManager.Application.Common.Paging;

/// <summary>One page of results with the total count; WebApi turns it into next/previous links.</summary>
public sealed record Page<T>(int Count, int Number, int Size, IReadOnlyList<T> Results)
{
    public bool HasNext => (long)Number * Size < Count;
    public bool HasPrevious => Number > 1;
}
