using AssetManager.Domain.Assets;
using AssetManager.Domain.Common;

namespace AssetManager.Application.Assets;

/// <summary>The upload's text fields, checked as the contract's table says, in its order.</summary>
public static class UploadFields
{
    public const string PromptText = "prompt_text";
    public const string IsFavorite = "is_favorite";
    public const string AiModel = "ai_model";
    public const string GenerationConfig = "generation_config";
    public const string Seed = "seed";

    /// <summary>Whether the fields as they stand parse without an error.</summary>
    public static bool AreValid(IReadOnlyDictionary<string, string> fields)
    {
        try
        {
            Parse(fields);
            return true;
        }
        catch (FieldValidationException)
        {
            return false;
        }
    }

    /// <summary>The metadata, or the field errors (all of them) as an exception.</summary>
    public static AssetMetadata Parse(IReadOnlyDictionary<string, string> fields)
    {
        var errors = new FieldErrors();
        var prompt = fields.GetValueOrDefault(PromptText, "");
        if (prompt.Contains('\0')) errors.Add(PromptText, Messages.NullCharacters);
        else if (prompt.Length > Asset.PromptMaxLength) errors.Add(PromptText, Messages.MaxLength(Asset.PromptMaxLength));

        var favorite = false;
        if (fields.TryGetValue(IsFavorite, out var favoriteText))
        {
            if (FormValues.Boolean(favoriteText) is { } parsed) favorite = parsed;
            else errors.Add(IsFavorite, Messages.InvalidBoolean);
        }

        int? aiModel = null;
        if (fields.TryGetValue(AiModel, out var modelText) && modelText.Trim().Length > 0)
        {
            aiModel = FormValues.Int32(modelText);
            if (aiModel is null) errors.Add(AiModel, Messages.IncorrectPkType("str"));
        }

        var config = "{}";
        if (fields.TryGetValue(GenerationConfig, out var configText) && configText.Trim().Length > 0)
        {
            if (FormValues.JsonObjectText(configText) is not { } json) errors.Add(GenerationConfig, Messages.NotAJsonObject);
            else if (json.Length > Asset.GenerationConfigMaxLength) errors.Add(GenerationConfig, Messages.GenerationConfigTooLong);
            else config = json;
        }

        long? seed = null;
        if (fields.TryGetValue(Seed, out var seedText) && seedText.Trim().Length > 0)
        {
            seed = FormValues.Int64(seedText);
            if (seed is null) errors.Add(Seed, Messages.InvalidInteger);
        }

        errors.ThrowIfAny();
        return new AssetMetadata(prompt, favorite, aiModel, config, seed);
    }
}
