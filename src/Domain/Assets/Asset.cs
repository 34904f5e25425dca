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

    public const int ProcessingErrorMaxLength = 1000;

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

    /// <summary>The original's size in bytes and SHA-256 (64 lower-case hex digits), null where not yet known.</summary>
    public long FileSize { get; private set; }
    public string? ChecksumSha256 { get; private set; }

    public string? PreviewKey { get; private set; }
    public string PreviewUrl { get; private set; } = "";

    /// <summary>Pixels as displayed (after EXIF orientation) and, for videos, seconds; known once processed.</summary>
    public int? Width { get; private set; }
    public int? Height { get; private set; }
    public double? Duration { get; private set; }

    public ProcessingState Processing { get; private set; } = ProcessingState.Pending;
    public string ProcessingError { get; private set; } = "";

    public static Asset Create(
        int boxId, AssetType type, StoredFile file, AssetMetadata metadata, AiModel? aiModel, DateTime utcNow)
    {
        if (metadata.AiModelId != aiModel?.Id)
            throw new ArgumentException("The AI model must be the one the metadata names.", nameof(aiModel));
        var asset = new Asset
        {
            BoxId = boxId, AssetType = type, FileKey = file.Key, FileUrl = file.Url, AiModel = aiModel,
            FileSize = file.Size, ChecksumSha256 = file.Sha256,
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

    /// <summary>The original's size and SHA-256, read by the job where the upload could not (direct uploads, older assets).</summary>
    public void RecordFileFacts(long size, string? sha256)
    {
        FileSize = size;
        ChecksumSha256 ??= sha256;
    }

    /// <summary>
    /// The renditions are stored and the media facts read: the asset is ready. What the service works out is not an edit:
    /// <see cref="Entity.UpdatedAt"/> keeps telling when the asset was last changed by its owner.
    /// </summary>
    public void CompleteProcessing(StoredFile thumbnail, StoredFile preview, int width, int height, double? duration)
    {
        ThumbnailKey = thumbnail.Key;
        ThumbnailUrl = thumbnail.Url;
        PreviewKey = preview.Key;
        PreviewUrl = preview.Url;
        Width = width;
        Height = height;
        Duration = duration;
        Processing = ProcessingState.Ready;
        ProcessingError = "";
    }

    /// <summary>No renditions can be made: the reason is kept for the user; the original stays as it is.</summary>
    public void FailProcessing(string reason)
    {
        Processing = ProcessingState.Failed;
        ProcessingError = reason.Length <= ProcessingErrorMaxLength ? reason : reason[..ProcessingErrorMaxLength];
    }

    /// <summary>Every stored key this asset owns: the file and, once made, its renditions.</summary>
    public IEnumerable<string> StoredKeys()
    {
        yield return FileKey;
        if (!string.IsNullOrEmpty(ThumbnailKey)) yield return ThumbnailKey;
        if (!string.IsNullOrEmpty(PreviewKey)) yield return PreviewKey;
    }
}
