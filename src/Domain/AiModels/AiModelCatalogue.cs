namespace AssetManager.Domain.AiModels;

/// <summary>The well-known generators the catalogue is seeded with. Ids are stable: clients keep them.</summary>
public static class AiModelCatalogue
{
    public static IReadOnlyList<AiModel> Seed { get; } =
    [
        new(1, "Midjourney v7", "Midjourney", AiModelKind.Image),
        new(2, "DALL-E 3", "OpenAI", AiModelKind.Image),
        new(3, "Stable Diffusion XL", "Stability AI", AiModelKind.Image),
        new(4, "FLUX.1 [pro]", "Black Forest Labs", AiModelKind.Image),
        new(5, "Imagen 4", "Google", AiModelKind.Image),
        new(6, "Sora", "OpenAI", AiModelKind.Video),
        new(7, "Veo 3", "Google", AiModelKind.Video),
        new(8, "Runway Gen-4", "Runway", AiModelKind.Video),
        new(9, "Kling 2.1", "Kuaishou", AiModelKind.Video),
        new(10, "Pika 2.2", "Pika", AiModelKind.Video),
        new(11, "Luma Dream Machine", "Luma AI", AiModelKind.Video),
        new(12, "GPT Image 1", "OpenAI", AiModelKind.Image),
        new(13, "Firefly Image 4", "Adobe", AiModelKind.Image),
        new(14, "Gemini 2.5 Flash Image", "Google", AiModelKind.Any),
    ];
}
