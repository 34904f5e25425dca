namespace AssetManager.WebApi.Http;

/// <summary>
/// Browser clients on other origins (the original's axios client calls http://localhost:8000/api from its own
/// dev server). Tokens travel in a header, never in cookies, so allowing origins opens no CSRF hole.
/// </summary>
public static class CorsSetup
{
    public static IServiceCollection AddApiCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = (configuration["Cors:AllowedOrigins"] ?? configuration["CORS_ALLOWED_ORIGINS"] ?? "*")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return services.AddCors(options => options.AddDefaultPolicy(policy =>
        {
            if (origins.Contains("*")) policy.AllowAnyOrigin();
            else policy.WithOrigins(origins);
            policy.AllowAnyHeader().AllowAnyMethod().WithExposedHeaders("Location", "WWW-Authenticate", "Retry-After");
        }));
    }
}
