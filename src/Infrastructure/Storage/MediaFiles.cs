using AssetManager.Application.Common.Storage;
using AssetManager.Domain.Assets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace AssetManager.Infrastructure.Storage;

/// <summary>Serves the disk store's files under <c>/media/</c> with the same headers S3 objects get.</summary>
public static class MediaFiles
{
    public static IApplicationBuilder UseMediaFiles(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetRequiredService<IObjectStorage>() is not DiskObjectStorage disk) return app;
        Directory.CreateDirectory(disk.Root);
        var types = new FileExtensionContentTypeProvider();
        foreach (var format in FileFormat.All) types.Mappings[format.Extension] = format.ContentType;
        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(disk.Root),
            RequestPath = DiskObjectStorage.MediaPath,
            ContentTypeProvider = types,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.CacheControl = ObjectHeaders.CacheControl;
                if (types.TryGetContentType(context.File.Name, out var type) && ObjectHeaders.ContentDisposition(type) is { } disposition)
                    headers.ContentDisposition = disposition;
                headers.XContentTypeOptions = "nosniff";
                // An uploaded SVG is shown as an image, never run as a page of this origin.
                headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
            },
        });
    }
}
