using AssetManager.Domain.Common;

namespace AssetManager.Domain.Assets;

/// <summary>
/// Extension decides the type; the leading bytes must belong to the extension's family
/// (any raster image signature for a raster extension, any video container for a video
/// extension, XML with an &lt;svg&gt; root for .svg).
/// </summary>
public sealed class AssetTypeDetector : IAssetTypeDetector
{
    public const string ContentMismatch = "File content does not match its extension";

    public int HeadLength => 4096;

    public FileFormat? FromFileName(string fileName) => FileFormat.FromExtension(FileFormat.ExtensionOf(fileName));

    public static string Unsupported(string extension) =>
        $"Unsupported file type '{extension}'. Allowed: {FileFormat.AllowedList}";

    public FileFormat Detect(string fileName, ReadOnlySpan<byte> head)
    {
        var format = FromFileName(fileName)
            ?? throw new UploadRejectedException(Unsupported(FileFormat.ExtensionOf(fileName)));
        var matches = format.Family switch
        {
            FileFamily.RasterImage => FileSignatures.IsRasterImage(head),
            FileFamily.Video => FileSignatures.IsVideo(head),
            FileFamily.Svg => SvgSniffer.HasSvgRoot(head),
            _ => false,
        };
        return matches ? format : throw new UploadRejectedException(ContentMismatch);
    }
}
