namespace AssetManager.Domain.Assets;

/// <summary>Magic numbers of the accepted raster image and video containers.</summary>
public static class FileSignatures
{
    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> Ebml => [0x1A, 0x45, 0xDF, 0xA3];
    private static ReadOnlySpan<byte> Asf =>
        [0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11, 0xA6, 0xD9, 0x00, 0xAA, 0x00, 0x62, 0xCE, 0x6C];

    public static bool IsRasterImage(ReadOnlySpan<byte> head) =>
        head.StartsWith(Jpeg)
        || head.StartsWith(Png)
        || head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8)
        || IsRiff(head, "WEBP"u8)
        || IsBmp(head);

    public static bool IsVideo(ReadOnlySpan<byte> head) =>
        IsIsoMediaBox(head)
        || IsRiff(head, "AVI "u8)
        || head.StartsWith(Ebml)
        || head.StartsWith("FLV\x01"u8)
        || head.StartsWith(Asf);

    private static bool IsRiff(ReadOnlySpan<byte> head, ReadOnlySpan<byte> form) =>
        head.Length >= 12 && head.StartsWith("RIFF"u8) && head.Slice(8, 4).SequenceEqual(form);

    // "BM", then a reserved zero word at offset 6: enough to tell a bitmap from text starting "BM".
    private static bool IsBmp(ReadOnlySpan<byte> head) =>
        head.Length >= 14 && head.StartsWith("BM"u8) && head[6] == 0 && head[7] == 0 && head[8] == 0 && head[9] == 0;

    // MP4 and QuickTime files start with a box whose type sits at offset 4.
    private static bool IsIsoMediaBox(ReadOnlySpan<byte> head)
    {
        if (head.Length < 8) return false;
        var type = head.Slice(4, 4);
        return type.SequenceEqual("ftyp"u8) || type.SequenceEqual("moov"u8) || type.SequenceEqual("mdat"u8)
            || type.SequenceEqual("wide"u8) || type.SequenceEqual("free"u8) || type.SequenceEqual("skip"u8)
            || type.SequenceEqual("pnot"u8);
    }
}
