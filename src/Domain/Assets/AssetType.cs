namespace AssetManager.Domain.Assets;

public enum AssetType
{
    Image,
    Video,
}
