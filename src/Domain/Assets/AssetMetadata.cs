namespace AssetManager.Domain.Assets;

/// <summary>How an asset was generated. <see cref="GenerationConfig"/> is a JSON object as text.</summary>
public sealed record AssetMetadata(string PromptText, bool IsFavorite, int? AiModelId, string GenerationConfig, long? Seed)
{
    public static AssetMetadata Default { get; } = new("", false, null, "{}", null);
}
