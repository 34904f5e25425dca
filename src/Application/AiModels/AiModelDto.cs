namespace AssetManager.Application.AiModels;

public sealed record AiModelDto(int Id, string Name, string Provider, string Kind);
