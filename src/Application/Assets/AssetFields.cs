using AssetManager.Application.Common.Persistence;
using AssetManager.Domain.Assets;
using AssetManager.Domain.Common;
using FluentValidation;

namespace AssetManager.Application.Assets;

/// <summary>A command that gives a new asset its fields as JSON (an import, a finished direct upload).</summary>
public interface IAssetFields
{
    AssetMetadata Metadata { get; }
}

public static class AssetFields
{
    /// <summary>The upload's rules for the fields, reported under their names: the lengths, and an AI model of the catalogue.</summary>
    public static void AddAssetFieldRules<T>(this AbstractValidator<T> validator, IAppDbContext db) where T : IAssetFields
    {
        validator.RuleFor(c => c.Metadata.PromptText)
            .Must(p => p.Length <= Asset.PromptMaxLength).WithMessage(Messages.MaxLength(Asset.PromptMaxLength))
            .OverridePropertyName(UploadFields.PromptText);
        validator.RuleFor(c => c.Metadata.GenerationConfig)
            .Must(g => g.Length <= Asset.GenerationConfigMaxLength).WithMessage(Messages.GenerationConfigTooLong)
            .OverridePropertyName(UploadFields.GenerationConfig);
        validator.RuleFor(c => c.Metadata.AiModelId)
            .MustAsync(async (model, ct) => model is not { } id || await db.AiModelExistsAsync(id, ct))
            .WithMessage(c => Messages.InvalidPk(c.Metadata.AiModelId.ToString()!))
            .OverridePropertyName(UploadFields.AiModel);
    }
}
