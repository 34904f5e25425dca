using NetVips;

namespace AssetManager.Infrastructure.Media;

/// <summary>
/// Which libvips loader would read a file, found from its content (not its name). Only the loaders of the accepted
/// formats may run: a file named .png that holds an SVG, a TIFF or a HEIF image is refused, not decoded.
/// </summary>
internal static class VipsLoaders
{
    private static readonly string[] RasterLoaders =
        ["VipsForeignLoadJpeg", "VipsForeignLoadPng", "VipsForeignLoadNsgif", "VipsForeignLoadGif", "VipsForeignLoadWebp"];

    /// <summary>The loader's name for a raster file, or null when libvips has none for it (BMP is one such).</summary>
    public static string? ForRasterFile(string path) => Image.FindLoad(path);

    public static bool IsAcceptedRaster(string loader) =>
        RasterLoaders.Any(accepted => loader.StartsWith(accepted, StringComparison.Ordinal));

    public static bool IsSvg(Stream stream)
    {
        var loader = Image.FindLoadStream(stream);
        stream.Position = 0;
        return loader?.StartsWith("VipsForeignLoadSvg", StringComparison.Ordinal) == true;
    }
}
