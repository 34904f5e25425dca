using AssetManager.Application.Accounts;
using AssetManager.Infrastructure.Identity;
using AssetManager.Infrastructure.Identity.Passwords;
using AssetManager.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AssetManager.UnitTests.TestSupport;

/// <summary>
/// Identity as Infrastructure sets it up (UserManager over the EF store, Django's validators) on a <see cref="TestDb"/>;
/// <paramref name="configure"/> may add or replace services (a counting password hasher, say).
/// </summary>
public sealed class IdentityServices(TestDb db, Action<IServiceCollection>? configure = null) : IDisposable
{
    private readonly ServiceProvider _provider = Build(db, configure);

    private static ServiceProvider Build(TestDb db, Action<IServiceCollection>? configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScoped<AppDbContext>(_ => db.NewContext());
        services.AddIdentityCore<ApplicationUser>(options => options.User.RequireUniqueEmail = false)
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDjangoPasswordValidators();
        services.AddScoped<IIdentityService, IdentityService>();
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    /// <summary>A new scope, as one request would have; dispose it after use.</summary>
    public AsyncServiceScope NewScope() => _provider.CreateAsyncScope();

    public void Dispose() => _provider.Dispose();
}
