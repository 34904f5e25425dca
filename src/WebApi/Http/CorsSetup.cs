using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace AssetManager.WebApi.Http;

/// <summary>Section <c>Cors</c>: the origins browsers may call the API from, comma-separated (<c>*</c>: any).</summary>
public sealed class ApiCorsOptions
{
    public const string Section = "Cors";

    public string AllowedOrigins { get; set; } = "*";

    public string[] Origins => AllowedOrigins.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// Browser clients on other origins (the original's axios client calls http://localhost:8000/api from its own
/// dev server). Tokens travel in a header, never in cookies, so allowing origins opens no CSRF hole.
/// </summary>
public static class CorsSetup
{
    public static IServiceCollection AddApiCors(this IServiceCollection services)
    {
        services.AddOptions<ApiCorsOptions>().BindConfiguration(ApiCorsOptions.Section).ValidateOnStart();
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<ApiCorsOptions>>((cors, api) => cors.AddDefaultPolicy(policy =>
        {
            var origins = api.Value.Origins;
            if (origins.Contains("*")) policy.AllowAnyOrigin();
            else policy.WithOrigins(origins);
            policy.AllowAnyHeader().AllowAnyMethod().WithExposedHeaders("Location", "WWW-Authenticate", "Retry-After");
        }));
        return services;
    }
}
