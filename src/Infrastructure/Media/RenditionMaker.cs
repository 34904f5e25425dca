using AssetManager.Application.Common.Media;
using AssetManager.Domain.Assets;

namespace AssetManager.Infrastructure.Media;

/// <summary>
/// Sends each family to its renderer and writes the two WebP files. The renderers never touch the output paths, so a
/// failure while reading the source leaves nothing behind; a failure while writing removes what was written. After
/// each rendering the native memory libvips freed goes back to the system (<see cref="FreedNativeMemory"/>).
/// </summary>
internal sealed class RenditionMaker(VipsImageRenderer images, FfmpegVideoRenderer videos) : IRenditionMaker
{
    public async Task<MediaFacts> MakeAsync(string sourcePath, FileFormat format, RenditionFiles output, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        RenderedMedia rendered;
        try
        {
            rendered = await RenderAsync(sourcePath, format, cancellationToken);
        }
        finally
        {
            FreedNativeMemory.ReturnToSystem();
        }
        try
        {
            await File.WriteAllBytesAsync(output.PreviewPath, rendered.Preview, cancellationToken);
            await File.WriteAllBytesAsync(output.ThumbnailPath, rendered.Thumbnail, cancellationToken);
        }
        catch
        {
            File.Delete(output.PreviewPath);
            File.Delete(output.ThumbnailPath);
            throw;
        }
        return rendered.Facts;
    }

    private Task<RenderedMedia> RenderAsync(string sourcePath, FileFormat format, CancellationToken cancellationToken)
    {
        EnsureReadable(sourcePath);
        return format.Family switch
        {
            FileFamily.Video => videos.RenderVideoAsync(sourcePath, cancellationToken),
            FileFamily.Svg => Task.FromResult(images.RenderSvg(sourcePath, cancellationToken)),
            // The libvips of NetVips.Native has no BMP loader (libvips reads BMP through ImageMagick, which that
            // build leaves out), so ffmpeg decodes a BMP, like a one-frame video. Content decides, not the name.
            _ when images.CanLoad(sourcePath) => Task.FromResult(images.RenderRaster(sourcePath, cancellationToken)),
            _ when BmpHeader.ReadSize(sourcePath) is { } size => videos.RenderBmpAsync(sourcePath, size, cancellationToken),
            _ => throw new UnprocessableMediaException(VipsImageRenderer.NotAnAcceptedRaster),
        };
    }

    /// <summary>
    /// Opens the source once so that a missing or unreadable file fails with its own IO exception (which the caller
    /// retries) rather than as a decoding error of libvips or ffmpeg (which would mark the file unprocessable).
    /// </summary>
    private static void EnsureReadable(string sourcePath)
    {
        using var _ = new FileStream(sourcePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
    }
}
