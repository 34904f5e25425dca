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
                var auth = await context.AuthenticateAsync(TokenAuthenticationHandler.SchemeName);
                if (!auth.Succeeded && !IsPublic(context.Request.Path))
                    await TokenAuthenticationHandler.WriteChallengeAsync(context, auth.Failure?.Message);
                else
                    await ErrorResponses.WriteAsync(context, 405, ErrorResponses.MethodNotAllowed(context.Request.Method));
                break;
            case StatusCodes.Status415UnsupportedMediaType:
                // Routing refuses a body the endpoint does not accept (the upload takes only multipart/form-data);
                // DRF's body for it, again after authentication.
                var caller = await context.AuthenticateAsync(TokenAuthenticationHandler.SchemeName);
                if (!caller.Succeeded && !IsPublic(context.Request.Path))
                    await TokenAuthenticationHandler.WriteChallengeAsync(context, caller.Failure?.Message);
                else
                    await ErrorResponses.WriteAsync(context, 415,
                        new DetailBody($"Unsupported media type \"{context.Request.ContentType}\" in request."));
                break;
        }
    }

    private static bool IsPublic(PathString path) =>
        path.StartsWithSegments("/api/auth/register") || path.StartsWithSegments("/api/auth/token");
}
