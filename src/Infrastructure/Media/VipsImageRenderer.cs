using AssetManager.Application.Common.Media;
using Microsoft.Extensions.Options;
using NetVips;

namespace AssetManager.Infrastructure.Media;

/// <summary>
/// Makes the renditions of an image with libvips: the preview by thumbnail-from-file (JPEG and WebP shrink while they
/// load, SVG is rendered at the preview's scale), autorotated by its EXIF orientation, converted to sRGB, never
/// enlarged; then the thumbnail from the preview held in memory, so the source is decoded once (as good as a second
/// thumbnail from the source: 50 dB PSNR between the two, and 2 to 10 times faster).
/// </summary>
internal sealed class VipsImageRenderer
{
    public const string NotAnAcceptedRaster = "The file is not a JPEG, PNG, GIF, WebP or BMP image.";
    private const int WebpQuality = 80;
    private const string ColourProfile = "icc-profile-data";
    private readonly MediaOptions _options;

    public VipsImageRenderer(IOptions<MediaOptions> options)
    {
        LibVips.EnsureConfigured();
        _options = options.Value;
    }

    /// <summary>Whether libvips has a loader for this raster file (it has none for BMP).</summary>
    public bool CanLoad(string sourcePath) => VipsLoaders.ForRasterFile(sourcePath) is not null;

    /// <summary>A JPEG, PNG, GIF or WebP file, whatever its name says.</summary>
    public RenderedMedia RenderRaster(string sourcePath, CancellationToken cancellationToken)
    {
        var loader = VipsLoaders.ForRasterFile(sourcePath);
        if (loader is null || !VipsLoaders.IsAcceptedRaster(loader))
        {
            throw new UnprocessableMediaException(NotAnAcceptedRaster);
        }
        var header = ReadHeader(() => Image.NewFromFile(sourcePath, access: Enums.Access.Sequential));
        // failOn must be the thumbnail's own argument: it overrides a "[fail_on=truncated]" in the file name.
        return Encode(header.Facts, () => Image.Thumbnail(sourcePath, Renditions.PreviewMaxSide, height: Renditions.PreviewMaxSide,
            size: Enums.Size.Down, outputProfile: header.ToSrgb, failOn: Enums.FailOn.Truncated), cancellationToken);
    }

    /// <summary>
    /// An SVG, read from a stream: librsvg then has no base address and follows no reference to another file (from
    /// a file name it would load the images beside it). It fetches nothing over the network either way.
    /// </summary>
    public RenderedMedia RenderSvg(string sourcePath, CancellationToken cancellationToken)
    {
        using var stream = File.OpenRead(sourcePath);
        if (!VipsLoaders.IsSvg(stream))
        {
            throw new UnprocessableMediaException("The file is not an SVG image.");
        }
        var header = ReadHeader(() => Image.NewFromStream(stream, access: Enums.Access.Sequential));
        stream.Position = 0;
        return Encode(header.Facts, () => Image.ThumbnailStream(stream, Renditions.PreviewMaxSide, height: Renditions.PreviewMaxSide,
            size: Enums.Size.Down, failOn: Enums.FailOn.Truncated), cancellationToken);
    }

    /// <summary>A frame decoded by ffmpeg (PNG); its facts come from ffprobe.</summary>
    public RenderedMedia RenderFrame(byte[] frame, MediaFacts facts, CancellationToken cancellationToken) =>
        Encode(facts, () => Image.ThumbnailBuffer(frame, Renditions.PreviewMaxSide, height: Renditions.PreviewMaxSide,
            size: Enums.Size.Down, failOn: Enums.FailOn.Truncated), cancellationToken);

    /// <summary>
    /// The size as displayed, from the header alone (nothing is decoded), refused over the pixel limit; and whether
    /// the pixels must be converted to sRGB (the file embeds a colour profile: Display P3, Adobe RGB, CMYK, ...).
    /// </summary>
    private ImageHeader ReadHeader(Func<Image> openHeader)
    {
        int width, height, orientation;
        bool hasProfile;
        try
        {
            using var header = openHeader();
            (width, height) = (header.Width, header.Height);
            orientation = header.GetTypeOf("orientation") == 0 ? 1 : (int)header.Get("orientation");
            hasProfile = header.GetTypeOf(ColourProfile) != 0;
        }
        catch (VipsException e)
        {
            throw new UnprocessableMediaException("The file could not be read as an image.", e);
        }
        PixelLimit.Check(width, height, _options.MaxPixels);
        // Orientations 5 to 8 turn the image a quarter: it is displayed with its sides swapped.
        var facts = orientation is >= 5 and <= 8 ? new MediaFacts(height, width, null) : new MediaFacts(width, height, null);
        return new ImageHeader(facts, hasProfile ? "srgb" : null);
    }

    private RenderedMedia Encode(MediaFacts facts, Func<Image> openPreview, CancellationToken cancellationToken)
    {
        using var preview = Decode(openPreview, cancellationToken);
        using var thumbnail = preview.ThumbnailImage(Renditions.ThumbnailMaxSide, height: Renditions.ThumbnailMaxSide, size: Enums.Size.Down);
        return new RenderedMedia(facts, ToWebp(thumbnail), ToWebp(preview));
    }

    /// <summary>Decodes the preview into memory, stopped by cancellation or at the time limit.</summary>
    private Image Decode(Func<Image> openPreview, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.TimeLimit);
        try
        {
            using var pipeline = openPreview();
            pipeline.SetProgress(IgnoredProgress.Instance, deadline.Token);
            using var decoded = pipeline.CopyMemory();
            // The colour profile goes while the pipeline still lives: after a CMYK import, libvips 8.18 leaves the
            // CMYK profile on the sRGB result, held by the thumbnail operation; once that operation is freed, reading
            // the profile reads freed memory (seen: a segmentation fault when encoding with the profile kept).
            return decoded.Mutate(image => image.Remove(ColourProfile));
        }
        catch (VipsException e)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (deadline.IsCancellationRequested)
            {
                throw new UnprocessableMediaException($"The image took longer than the time limit of {_options.TimeLimitSeconds} s to decode.", e);
            }
            throw new UnprocessableMediaException("The image could not be decoded: it is damaged or incomplete.", e);
        }
    }

    // Nothing of the original's metadata is kept: the pixels are sRGB (the web's default, so no profile is needed),
    // and EXIF or XMP can carry the place a photo was taken.
    private static byte[] ToWebp(Image image) => image.WebpsaveBuffer(q: WebpQuality, keep: Enums.ForeignKeep.None);

    /// <param name="ToSrgb">"srgb" when the thumbnail must convert to sRGB with the embedded profile, else null.</param>
    private sealed record ImageHeader(MediaFacts Facts, string? ToSrgb);

    /// <summary>SetProgress needs a progress sink to watch its cancellation token; nothing reads the percentages.</summary>
    private sealed class IgnoredProgress : IProgress<int>
    {
        public static readonly IgnoredProgress Instance = new();

        public void Report(int value)
        {
        }
    }
}
