using System.Text;

namespace AssetManager.UnitTests.TestSupport;

/// <summary>Leading bytes of real file formats, padded so that every signature check has enough to look at.</summary>
public static class Samples
{
    public static byte[] Pad(byte[] head, int length = 64)
    {
        if (head.Length >= length) return head;
        var padded = new byte[length];
        head.CopyTo(padded, 0);
        return padded;
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    public static byte[] Jpeg => Pad([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. Ascii("JFIF")]);
    public static byte[] Png => Pad([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, .. Ascii("IHDR")]);
    public static byte[] Gif87 => Pad(Ascii("GIF87a"));
    public static byte[] Gif89 => Pad(Ascii("GIF89a"));
    public static byte[] Webp => Pad(Concat(Ascii("RIFF"), [0x24, 0, 0, 0], Ascii("WEBPVP8 ")));
    public static byte[] Bmp => Pad(Concat(Ascii("BM"), [0x46, 0, 0, 0], [0, 0, 0, 0], [0x36, 0, 0, 0]));
    public static byte[] Svg => Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>");
    public static byte[] Mp4 => Pad(Concat([0, 0, 0, 0x20], Ascii("ftypisom"), [0, 0, 2, 0], Ascii("isomiso2mp41")));
    public static byte[] Mov => Pad(Concat([0, 0, 0, 0x14], Ascii("ftypqt  "), [0, 0, 2, 0], Ascii("qt  ")));
    public static byte[] MovMoov => Pad(Concat([0, 0, 0x10, 0], Ascii("moov")));
    public static byte[] Avi => Pad(Concat(Ascii("RIFF"), [0x24, 0, 0, 0], Ascii("AVI LIST")));
    public static byte[] Mkv => Pad(Concat([0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01], Ascii("matroska")));
    public static byte[] Webm => Pad(Concat([0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01], Ascii("webm")));
    public static byte[] Flv => Pad(Concat(Ascii("FLV"), [0x01, 0x05, 0, 0, 0, 0x09]));
    public static byte[] Wmv => Pad([0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11, 0xA6, 0xD9, 0x00, 0xAA, 0x00, 0x62, 0xCE, 0x6C]);

    public static byte[] Zip => Pad(Concat(Ascii("PK"), [0x03, 0x04, 0x14, 0, 0, 0]));
    public static byte[] PortableExecutable => Pad(Concat(Ascii("MZ"), [0x90, 0, 0x03, 0, 0, 0, 0x04, 0, 0, 0, 0xFF, 0xFF]));
    public static byte[] Html => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><svg width=\"1\"></svg></body></html>");
    public static byte[] Text => Encoding.UTF8.GetBytes("hello, this is plain text and not an image at all");

    /// <summary>The leading bytes of <paramref name="head"/> followed by <paramref name="total"/> - head.Length bytes of zeros.</summary>
    public static byte[] WithLength(byte[] head, int total)
    {
        var bytes = new byte[total];
        head.AsSpan(0, Math.Min(head.Length, total)).CopyTo(bytes);
        return bytes;
    }
}
