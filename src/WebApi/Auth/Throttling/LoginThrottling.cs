using AssetManager.Application.Accounts;

namespace AssetManager.WebApi.Auth.Throttling;

public static class LoginThrottling
{
    /// <summary>
    /// Failed logins counted per username and per client address (<c>Auth:Throttle</c>, <see cref="LoginThrottleOptions"/>,
    /// validated at start-up); the same settings drive Identity's lockout (Infrastructure's AddLoginLockout).
    /// </summary>
    public static IServiceCollection AddLoginThrottling(this IServiceCollection services)
    {
        services.AddOptions<LoginThrottleOptions>()
            .BindConfiguration(LoginThrottleOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<LoginFailures>();
        services.AddScoped<ILoginThrottle, LoginThrottle>();
        return services;
    }
}
