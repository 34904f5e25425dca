using AssetManager.WebApi.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;

namespace AssetManager.WebApi.Errors;

/// <summary>Bodies for responses the framework ends without one: unknown routes (404), wrong methods (405) and
/// bodies of a media type the endpoint does not accept (415).</summary>
public static class StatusCodeBodies
{
    public static async Task WriteAsync(StatusCodeContext statusContext)
    {
        var context = statusContext.HttpContext;
        switch (context.Response.StatusCode)
        {
            case StatusCodes.Status404NotFound:
                await ErrorResponses.WriteAsync(context, 404, ErrorResponses.NotFound);
                break;
            case StatusCodes.Status405MethodNotAllowed:
                // As in DRF, authentication is checked before the method: an anonymous caller gets the 401.
                if (await ChallengedAsync(context)) break;
                await ErrorResponses.WriteAsync(context, 405, ErrorResponses.MethodNotAllowed(context.Request.Method));
                break;
        }
    }

    /// <summary>Writes the 401 when a protected route is called without valid credentials.</summary>
    private static async Task<bool> ChallengedAsync(HttpContext context)
    {
        if (IsPublic(context.Request.Path)) return false;
        var auth = await context.AuthenticateAsync(TokenAuthenticationHandler.SchemeName);
        if (auth.Succeeded) return false;
        await TokenAuthenticationHandler.WriteChallengeAsync(context, auth.Failure?.Message);
        return true;
    }

    private static bool IsPublic(PathString path) =>
        path.StartsWithSegments("/api/auth/register") || path.StartsWithSegments("/api/auth/token");
}
