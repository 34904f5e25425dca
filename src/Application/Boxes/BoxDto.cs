namespace AssetManager.Application.Boxes;

public sealed record BoxDto(int Id, int Project, string Name, string Description, int AssetCount, DateTime CreatedAt, DateTime UpdatedAt);
