using AssetManager.Application.Common.Media;
using Microsoft.Extensions.DependencyInjection;

namespace AssetManager.Infrastructure.Media;

public static class MediaServiceCollectionExtensions
{
    /// <summary>The rendition maker (libvips for images, ffmpeg for videos) and its "Media" settings.</summary>
    public static IServiceCollection AddMedia(this IServiceCollection services)
    {
        services.AddOptions<MediaOptions>()
            .BindConfiguration(MediaOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<VipsImageRenderer>();
        services.AddSingleton<FfmpegVideoRenderer>();
        services.AddSingleton<IRenditionMaker, RenditionMaker>();
        return services;
    }
}
