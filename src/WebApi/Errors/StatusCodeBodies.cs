using AssetManager.WebApi.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;

namespace AssetManager.WebApi.Errors;

/// <summary>Bodies for responses the framework ends without one: unknown routes (404) and wrong methods (405).</summary>
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
                var auth = await context.AuthenticateAsync(TokenAuthenticationHandler.SchemeName);
                if (!auth.Succeeded && !IsPublic(context.Request.Path))
                    await TokenAuthenticationHandler.WriteChallengeAsync(context, auth.Failure?.Message);
                else
                    await ErrorResponses.WriteAsync(context, 405, ErrorResponses.MethodNotAllowed(context.Request.Method));
                break;
        }
    }

    private static bool IsPublic(PathString path) =>
        path.StartsWithSegments("/api/auth/register") || path.StartsWithSegments("/api/auth/token");
}
