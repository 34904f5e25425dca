using AssetManager.Application.Accounts;
using AssetManager.Infrastructure.Identity;
using AssetManager.Infrastructure.Identity.Passwords;
using AssetManager.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AssetManager.UnitTests.TestSupport;

/// <summary>
/// Identity as Infrastructure sets it up (UserManager over the EF store, Django's validators, the lockout) on a
/// <see cref="TestDb"/>; <paramref name="configure"/> may add or replace services (a counting password hasher, the
/// throttle's settings).
/// </summary>
public sealed class IdentityServices(TestDb db, Action<IServiceCollection>? configure = null) : IDisposable
{
    private readonly ServiceProvider _provider = Build(db, configure);

    private static ServiceProvider Build(TestDb db, Action<IServiceCollection>? configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System); // UserManager's lockout reads the system clock too
        services.AddScoped<AppDbContext>(_ => db.NewContext());
        services.AddIdentityCore<ApplicationUser>(options => options.User.RequireUniqueEmail = false)
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDjangoPasswordValidators()
            .AddLoginLockout();
        services.AddScoped<IIdentityService, IdentityService>();
        services.AddSingleton<PasswordHashingGate>();
        // Identity's 100,000 iterations make a hash cost 50-100 ms; these tests count hashes, they need not pay for them.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    /// <summary>A new scope, as one request would have; dispose it after use.</summary>
    public AsyncServiceScope NewScope() => _provider.CreateAsyncScope();

    public void Dispose() => _provider.Dispose();
}
