namespace AssetManager.Domain.AiModels;

public enum AiModelKind
{
    Image,
    Video,
    Any,
}
