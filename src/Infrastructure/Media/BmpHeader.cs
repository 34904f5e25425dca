using System.Buffers.Binary;

namespace AssetManager.Infrastructure.Media;

/// <summary>
/// The size a BMP file declares, read before ffmpeg sees it: ffmpeg itself drops a size it finds absurd and would
/// report no size at all, where the owner should read that the file is over the pixel limit.
/// </summary>
internal static class BmpHeader
{
    /// <summary>The declared width and height, or null when the file does not start as a BMP.</summary>
    public static (int Width, int Height)? ReadSize(string path)
    {
        Span<byte> head = stackalloc byte[26];
        using (var file = File.OpenRead(path))
        {
            if (file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) < head.Length || !head.StartsWith("BM"u8))
            {
                return null;
            }
        }
        // After the 14-byte file header comes the DIB header, which starts with its own length: 12 for the old
        // OS/2 one (16-bit sizes), 40 or more for the Windows ones (32-bit, a negative height meaning top-down).
        return BinaryPrimitives.ReadUInt32LittleEndian(head[14..]) == 12
            ? (BinaryPrimitives.ReadUInt16LittleEndian(head[18..]), BinaryPrimitives.ReadUInt16LittleEndian(head[20..]))
            : (Math.Abs(BinaryPrimitives.ReadInt32LittleEndian(head[18..])), Math.Abs(BinaryPrimitives.ReadInt32LittleEndian(head[22..])));
    }
}
