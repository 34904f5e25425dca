using AssetManager.Application.Accounts;

namespace AssetManager.WebApi.Auth;

/// <summary>
/// <c>Auth:RememberTokensSeconds</c>: how long a token found valid is trusted without asking the database
/// (ADR 4); 0 turns that off, for several instances sharing one database that need a logout to act everywhere at once.
/// </summary>
public static class TokenMemorySettings
{
    public static TimeSpan Lifetime(IConfiguration configuration) =>
        int.TryParse(configuration["Auth:RememberTokensSeconds"], out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : RecentTokens.DefaultLifetime;
}
