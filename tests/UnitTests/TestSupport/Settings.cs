using AssetManager.Application;
using AssetManager.Infrastructure;
using AssetManager.WebApi.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AssetManager.UnitTests.TestSupport;

/// <summary>Options bound from settings the way the service binds them (Program.cs), without starting it.</summary>
public static class Settings
{
    public const string ContentRoot = "/srv/app";

    public static T Bind<T>(params (string Key, string? Value)[] settings) where T : class =>
        Provider(settings).GetRequiredService<IOptions<T>>().Value;

    public static ServiceProvider Provider(params (string Key, string? Value)[] settings)
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value)));
        configuration.AddOriginalSettingNames();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddApplication().AddInfrastructure(configuration, ContentRoot);
        return services.BuildServiceProvider();
    }
}
