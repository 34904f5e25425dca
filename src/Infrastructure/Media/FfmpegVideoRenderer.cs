using AssetManager.Application.Common.Media;
using Microsoft.Extensions.Options;

namespace AssetManager.Infrastructure.Media;

/// <summary>
/// Makes the renditions of a video (or of a BMP, which libvips cannot read) from one frame: ffprobe gives the facts,
/// ffmpeg decodes the frame about 1 s in (the first frame of a shorter clip) and hands it over as PNG through a pipe,
/// and libvips makes the two WebP files from it exactly as from an image. Nothing is written to disk.
/// </summary>
internal sealed class FfmpegVideoRenderer(IOptions<MediaOptions> options, VipsImageRenderer images)
{
    private const int FrameSeconds = 1;
    private readonly FfmpegTools _tools = new(options.Value);

    public Task<RenderedMedia> RenderVideoAsync(string sourcePath, CancellationToken cancellationToken) =>
        RenderAsync(FfmpegInput.Video(sourcePath), isStill: false, cancellationToken);

    /// <param name="declaredSize">The size in the BMP's header, checked against the pixel limit before ffmpeg runs.</param>
    public Task<RenderedMedia> RenderBmpAsync(string sourcePath, (int Width, int Height) declaredSize, CancellationToken cancellationToken)
    {
        PixelLimit.Check(declaredSize.Width, declaredSize.Height, options.Value.MaxPixels);
        return RenderAsync(FfmpegInput.Bmp(sourcePath), isStill: true, cancellationToken);
    }

    private async Task<RenderedMedia> RenderAsync(FfmpegInput input, bool isStill, CancellationToken cancellationToken)
    {
        var video = await _tools.ProbeAsync(input, cancellationToken);
        if (video.Width <= 0 || video.Height <= 0)
        {
            // ffprobe leaves the size out when ffmpeg refuses it (above about 268 megapixels a frame).
            throw new UnprocessableMediaException("The size of the video's frames could not be read.");
        }
        PixelLimit.Check(video.Width, video.Height, options.Value.MaxPixels);
        var facts = new MediaFacts(video.DisplayWidth, video.DisplayHeight, isStill ? null : video.Duration);

        var seconds = !isStill && video.Duration is null or >= FrameSeconds ? FrameSeconds : 0;
        var frame = await _tools.GrabFrameAsync(input, video.StreamIndex, seconds, cancellationToken);
        if (frame.Length == 0 && seconds > 0)
        {
            // The duration was missing or wrong: there is nothing at 1 s.
            frame = await _tools.GrabFrameAsync(input, video.StreamIndex, 0, cancellationToken);
        }
        if (frame.Length == 0)
        {
            throw new UnprocessableMediaException("No frame of the video could be decoded.");
        }
        return images.RenderFrame(frame, facts, cancellationToken);
    }
}
