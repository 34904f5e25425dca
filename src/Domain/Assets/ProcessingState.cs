namespace AssetManager.Domain.Assets;

/// <summary>Where an asset's renditions (thumbnail, preview) and media facts stand; kept on the asset's own row.</summary>
public enum ProcessingState
{
    Pending,
    Ready,
    Failed,
}
