using System.Text.Json.Nodes;

namespace AssetManager.Application.Assets;

/// <summary>The Asset representation, fields in the original's order.</summary>
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
    DateTime UpdatedAt);
