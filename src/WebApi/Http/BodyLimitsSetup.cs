using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace AssetManager.WebApi.Http;

public static class BodyLimitsSetup
{
    /// <summary>Binds <see cref="BodyLimits"/> (validated at start) and gives ASP.NET's form reader the same limits.</summary>
    public static IServiceCollection AddBodyLimits(this IServiceCollection services)
    {
        services.AddOptions<BodyLimits>()
            .BindConfiguration(BodyLimits.SectionName)
            .Validate(l => l.MaxFormFields > 0, "Limits:MaxFormFields must be positive")
            .Validate(l => l.MaxFormBytes is > 0 and <= BodyLimits.MostFormBytes,
                $"Limits:MaxFormBytes must be between 1 and {BodyLimits.MostFormBytes}")
            .ValidateOnStart();
        services.AddOptions<FormOptions>().Configure<IOptions<BodyLimits>>((form, limits) =>
        {
            form.ValueCountLimit = limits.Value.MaxFormFields;
            form.ValueLengthLimit = limits.Value.MaxFormBytes;
            form.MultipartBodyLengthLimit = limits.Value.MaxFormBytes;
            form.BufferBodyLengthLimit = limits.Value.MaxFormBytes;
        });
        return services;
    }
}
