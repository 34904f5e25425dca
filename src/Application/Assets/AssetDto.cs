using System.Text.Json.Nodes;

namespace AssetManager.Application.Assets;

/// <summary>
/// The Asset representation: the original's fourteen fields in its order, then what this service adds (media facts,
/// the preview, the processing state, the checksum and size).
/// </summary>
public sealed record AssetDto(
    int Id,
    int Box,
    string BoxName,
    string AssetType,
    string FileUrl,
    string ThumbnailUrl,
    bool IsFavorite,
    string PromptText,
    int? AiModel,
    string? AiModelName,
    JsonObject GenerationConfig,
    long? Seed,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    int? Width,
    int? Height,
    double? Duration,
    string PreviewUrl,
    string Processing,
    string ProcessingError,
    string? ChecksumSha256,
    long FileSize);
