using AssetManager.Application.Accounts;
using AssetManager.Application.Assets;
using AssetManager.Application.Assets.Intake;
using AssetManager.Application.Common.Caching;
using AssetManager.Application.Common.Jobs;
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
    /// Validators, Mapster maps, the settings of uploads and tokens, the caches of tokens and boxes, the uploads in
    /// flight (for the job engine to yield to), and the domain's asset type detector. Handlers are found by the mediator's source generator in the host (AddWebApi).
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssemblyContaining<UploadOptions>(includeInternalTypes: true);
        MappingConfig.Register(TypeAdapterConfig.GlobalSettings);

        services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.DirectPartSizeBytes <= o.DirectMultipartThresholdBytes,
                "Upload:DirectPartSizeBytes must not be larger than Upload:DirectMultipartThresholdBytes.")
            .ValidateOnStart();
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // Infrastructure settles an unset memory by the database it runs on (one instance or several).
        services.AddSingleton(sp => new RecentTokens(sp.GetRequiredService<TimeProvider>(),
            TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<AuthOptions>>().Value.RememberTokensSeconds ?? 0)));
        services.AddSingleton(sp => new RecentBoxes(sp.GetRequiredService<TimeProvider>(),
            TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<UploadOptions>>().Value.RememberBoxesSeconds ?? 0)));
        services.AddSingleton<IAssetTypeDetector, AssetTypeDetector>();
        services.AddSingleton<UploadActivity>();
        services.AddScoped<AssetIntake>();
        return services;
    }
}
