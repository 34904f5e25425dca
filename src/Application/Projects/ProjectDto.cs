namespace AssetManager.Application.Projects;

public sealed record ProjectDto(int Id, string Name, string Description, int BoxCount, DateTime CreatedAt, DateTime UpdatedAt);
