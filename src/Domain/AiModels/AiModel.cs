namespace AssetManager.Domain.AiModels;

/// <summary>A generator in the read-only catalogue (Midjourney, Sora, ...).</summary>
public sealed class AiModel
{
    private AiModel() { }

    public AiModel(int id, string name, string provider, AiModelKind kind)
    {
        Id = id;
        Name = name;
        Provider = provider;
        Kind = kind;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Provider { get; private set; } = "";
    public AiModelKind Kind { get; private set; }
}
