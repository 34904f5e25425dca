namespace AssetManager.Application.Common.Jobs;

/// <summary>
/// Work that runs after the request on the job engine (Quartz.NET, docs/adr/0007). The asset row keeps its own
/// processing state, so the engine is never the only record of what is left to do.
/// </summary>
public interface IBackgroundJobs
{
    /// <summary>
    /// Asks for the asset's renditions and media facts. Returns at once; at most one job per asset is pending, and an
    /// asset asked for twice is processed once.
    /// </summary>
    void RequestRenditions(int assetId);
}
