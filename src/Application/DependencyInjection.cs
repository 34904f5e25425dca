using AssetManager.Application.Accounts;
using AssetManager.Application.Assets;
using AssetManager.Application.Common.Caching;
using AssetManager.Application.Common.Mapping;
using AssetManager.Domain.Assets;
using FluentValidation;
using Mapster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AssetManager.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Validators, Mapster maps, the settings of uploads and tokens, the caches of tokens and boxes, and the domain's
    /// asset type detector. Handlers are found by the mediator's source generator in the host (AddWebApi).
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssemblyContaining<UploadOptions>(includeInternalTypes: true);
        MappingConfig.Register(TypeAdapterConfig.GlobalSettings);

        services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // Infrastructure settles an unset memory by the database it runs on (one instance or several).
        services.AddSingleton(sp => new RecentTokens(sp.GetRequiredService<TimeProvider>(),
            TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<AuthOptions>>().Value.RememberTokensSeconds ?? 0)));
        services.AddSingleton(sp => new RecentBoxes(sp.GetRequiredService<TimeProvider>(),
            TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<UploadOptions>>().Value.RememberBoxesSeconds ?? 0)));
        services.AddSingleton<IAssetTypeDetector, AssetTypeDetector>();
        return services;
    }
}
