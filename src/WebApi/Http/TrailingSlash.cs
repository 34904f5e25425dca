namespace AssetManager.WebApi.Http;

/// <summary>Every API route ends with a slash; the same route without it is served the same (no redirect).</summary>
public static class TrailingSlash
{
    public static IApplicationBuilder UseApiTrailingSlash(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var path = context.Request.Path.Value;
            if (path is not null && path.StartsWith("/api/", StringComparison.Ordinal) && !path.EndsWith('/'))
                context.Request.Path = path + "/";
            return next(context);
        });
}
