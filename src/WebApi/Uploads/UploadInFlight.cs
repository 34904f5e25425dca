using AssetManager.Application.Common.Jobs;

namespace AssetManager.WebApi.Uploads;

/// <summary>
/// Marks a route that streams a file through the service: while its handler runs, the upload counts in
/// <see cref="UploadActivity"/>, which the job engine yields to.
/// </summary>
public static class UploadInFlight
{
    public static RouteHandlerBuilder CountsAsUpload(this RouteHandlerBuilder route) =>
        route.AddEndpointFilter(async (context, next) =>
        {
            var uploads = context.HttpContext.RequestServices.GetRequiredService<UploadActivity>();
            uploads.Began();
            try
            {
                return await next(context);
            }
            finally
            {
                uploads.Ended();
            }
        });
}
