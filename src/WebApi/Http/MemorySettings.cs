using AssetManager.Application.Accounts;
using AssetManager.Application.Common.Memory;

namespace AssetManager.WebApi.Http;

/// <summary>
/// How long the service trusts what it read from the database: <c>Auth:RememberTokensSeconds</c> for tokens found
/// valid (ADR 4) and <c>Upload:RememberBoxesSeconds</c> for the boxes uploads go into (ADR 5). 0 turns a memory off,
/// for several instances sharing one database that need a change made on one to act everywhere at once.
/// </summary>
public static class MemorySettings
{
    public static TimeSpan TokenLifetime(IConfiguration configuration) =>
        Seconds(configuration, "Auth:RememberTokensSeconds", RecentTokens.DefaultLifetime);

    public static TimeSpan BoxLifetime(IConfiguration configuration) =>
        Seconds(configuration, "Upload:RememberBoxesSeconds", RecentBoxes.DefaultLifetime);

    private static TimeSpan Seconds(IConfiguration configuration, string key, TimeSpan fallback) =>
        int.TryParse(configuration[key], out var seconds) && seconds >= 0 ? TimeSpan.FromSeconds(seconds) : fallback;
}
