using AssetManager.Domain.AiModels;
using AssetManager.Domain.Boxes;
using AssetManager.Domain.Common;

namespace AssetManager.Domain.Assets;

/// <summary>An image or video file in object storage, with how it was generated.</summary>
public sealed class Asset : Entity
{
    /// <summary>Room for the longest prompts generators take; the bound keeps a page of assets a few megabytes.</summary>
    public const int PromptMaxLength = 100_000;

    /// <summary>The generation config as compact JSON text.</summary>
    public const int GenerationConfigMaxLength = 100_000;

    private Asset() { }

    public int BoxId { get; private set; }
    public Box? Box { get; private set; }
    public AssetType AssetType { get; private set; }
    public string FileKey { get; private set; } = "";
    public string FileUrl { get; private set; } = "";
    public string? ThumbnailKey { get; private set; }
    public string ThumbnailUrl { get; private set; } = "";
    public bool IsFavorite { get; private set; }
    public string PromptText { get; private set; } = "";
    public int? AiModelId { get; private set; }
    public AiModel? AiModel { get; private set; }
    public string GenerationConfig { get; private set; } = "{}";
    public long? Seed { get; private set; }

    public static Asset Create(
        int boxId, AssetType type, StoredFile file, AssetMetadata metadata, AiModel? aiModel, DateTime utcNow)
    {
        if (metadata.AiModelId != aiModel?.Id)
            throw new ArgumentException("The AI model must be the one the metadata names.", nameof(aiModel));
        var asset = new Asset
        {
            BoxId = boxId, AssetType = type, FileKey = file.Key, FileUrl = file.Url, AiModel = aiModel,
        };
        asset.Apply(metadata);
        asset.Stamp(utcNow);
        return asset;
    }

    public void Apply(AssetMetadata metadata)
    {
        PromptText = metadata.PromptText;
        IsFavorite = metadata.IsFavorite;
        AiModelId = metadata.AiModelId;
        GenerationConfig = metadata.GenerationConfig;
        Seed = metadata.Seed;
    }

    public AssetMetadata Metadata => new(PromptText, IsFavorite, AiModelId, GenerationConfig, Seed);

    public void MoveTo(int boxId) => BoxId = boxId;

    /// <summary>Every stored key this asset owns: the file and, if any, its thumbnail.</summary>
    public IEnumerable<string> StoredKeys()
    {
        yield return FileKey;
        if (!string.IsNullOrEmpty(ThumbnailKey)) yield return ThumbnailKey;
    }
}
