using AssetManager.Application.Assets;
using AssetManager.Domain.Assets;
using AssetManager.WebApi.Http;

namespace AssetManager.WebApi.Endpoints;

/// <summary>The upload's optional fields from a JSON body, with their defaults when absent (an import, a direct upload's completion).</summary>
public static class AssetFieldReading
{
    public static AssetMetadata AssetMetadata(this FieldReader fields) => new(
        fields.String(UploadFields.PromptText, trim: false) ?? "",
        fields.Boolean(UploadFields.IsFavorite) is { IsSet: true } favorite && favorite.Value,
        fields.NullablePk(UploadFields.AiModel).Value,
        fields.JsonObjectText(UploadFields.GenerationConfig) is { IsSet: true } config ? config.Value : "{}",
        fields.NullableInt64(UploadFields.Seed).Value);
}
