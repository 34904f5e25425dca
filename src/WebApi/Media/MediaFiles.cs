using AssetManager.Domain.Assets;
using AssetManager.Infrastructure.Storage;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace AssetManager.WebApi.Media;

/// <summary>Serves the disk store's files under <c>/media/</c> with the same headers S3 objects get.</summary>
public static class MediaFiles
{
    public static void UseMediaFiles(this WebApplication app)
    {
        if (app.Services.GetService<DiskObjectStorage>() is not { } disk) return;
        Directory.CreateDirectory(disk.Root);
        var types = new FileExtensionContentTypeProvider();
        foreach (var format in FileFormat.All) types.Mappings[format.Extension] = format.ContentType;
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(disk.Root),
            RequestPath = DiskObjectStorage.MediaPath,
            ContentTypeProvider = types,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.CacheControl = "max-age=86400";
                headers.XContentTypeOptions = "nosniff";
                // An uploaded SVG is shown as an image, never run as a page of this origin.
                headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
            },
        });
    }
}
