using AssetManager.Application.Common.Storage;

namespace AssetManager.WebApi.Http;

/// <summary>
/// Security headers of the web app's pages: a Content-Security-Policy that allows the app's own scripts and styles
/// (no inline script, no other origin's code), images and videos from itself and the store, API calls to itself
/// and direct uploads to the store; and no framing.
/// </summary>
public sealed class WebAppSecurityHeaders(RequestDelegate next, BrowserOrigins origins)
{
    private readonly string _policy = Policy(origins);

    public static string Policy(BrowserOrigins origins)
    {
        var media = string.Concat(origins.Media.Select(origin => " " + origin));
        var upload = string.Concat(origins.Upload.Select(origin => " " + origin));
        return "default-src 'none'; script-src 'self'; style-src 'self'; "
            + $"img-src 'self' blob:{media}; media-src 'self' blob:{media}; connect-src 'self'{upload}; "
            + "form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'";
    }

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (path == "/" || path.StartsWithSegments("/app"))
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = _policy;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
        }
        return next(context);
    }
}
