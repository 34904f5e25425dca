using AssetManager.Application.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AssetManager.Infrastructure.Identity;

public static class LoginLockout
{
    /// <summary>
    /// Identity's lockout with the login throttle's numbers (<see cref="LoginThrottleOptions"/>): after
    /// FailuresPerUsername wrong passwords since the last good one, the account is locked for the window. It is kept
    /// in the database (AccessFailedCount, LockoutEnd), so it holds across restarts and across instances sharing
    /// the database, which the in-memory throttle cannot (docs/security.md).
    /// </summary>
    public static IdentityBuilder AddLoginLockout(this IdentityBuilder builder)
    {
        builder.Services.AddOptions<IdentityOptions>().Configure<IOptions<LoginThrottleOptions>>((identity, throttle) =>
        {
            identity.Lockout.AllowedForNewUsers = true;
            identity.Lockout.MaxFailedAccessAttempts = throttle.Value.FailuresPerUsername;
            identity.Lockout.DefaultLockoutTimeSpan = throttle.Value.Window;
        });
        return builder;
    }
}
