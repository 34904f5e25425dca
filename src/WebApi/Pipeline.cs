using AssetManager.WebApi.Endpoints;
using AssetManager.WebApi.Errors;
using AssetManager.WebApi.Http;
using Scalar.AspNetCore;

namespace AssetManager.WebApi;

/// <summary>The middleware in order, and the routes.</summary>
public static class Pipeline
{
    /// <summary>Every error gets the contract's body, whatever middleware raised it.</summary>
    public static WebApplication UseContractErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(StatusCodeBodies.WriteAsync);
        return app;
    }

    /// <summary>The web app's files with their security headers, then routing, CORS, authentication and the endpoints.</summary>
    public static WebApplication UseWebApi(this WebApplication app)
    {
        app.UseMiddleware<WebAppSecurityHeaders>();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/scalar", options => options.WithTitle("AssetManager API")).AllowAnonymous();
        app.MapHealthEndpoints();
        app.MapJobsStatusEndpoints();
        app.MapGet("/", () => Results.Redirect("/app/")).ExcludeFromDescription();

        var api = app.MapGroup("/api").RequireAuthorization();
        api.MapAccountEndpoints();
        api.MapProjectEndpoints();
        api.MapBoxEndpoints();
        api.MapAiModelEndpoints();
        api.MapAssetEndpoints();
        return app;
    }
}
