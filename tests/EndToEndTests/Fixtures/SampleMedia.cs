using System.Diagnostics;
using System.IO.Compression;
using System.Text;

namespace AssetManager.EndToEndTests.Fixtures;

/// <summary>Files to upload, made here: PNGs of one colour (encoded in code) and a short MP4 (ffmpeg's test source).</summary>
public static class SampleMedia
{
    private static readonly Lazy<byte[]> Video = new(MakeVideo);

    /// <summary>A valid PNG of one colour, <paramref name="size"/> pixels wide and <paramref name="height"/> (else as many) high.</summary>
    public static byte[] Png(byte red, byte green, byte blue, int size = 64, int? height = null)
    {
        var (width, rows) = (size, height ?? size);
        using var raw = new MemoryStream();
        for (var y = 0; y < rows; y++)
        {
            raw.WriteByte(0); // filter: none
            for (var x = 0; x < width; x++)
            {
                // A soft diagonal gradient, so that the pictures look like pictures in the screenshots.
                var shade = (x + y) * 96 / (width + rows);
                raw.WriteByte((byte)Math.Clamp(red + shade - 48, 0, 255));
                raw.WriteByte((byte)Math.Clamp(green + shade - 48, 0, 255));
                raw.WriteByte((byte)Math.Clamp(blue + shade - 48, 0, 255));
            }
        }
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true)) raw.WriteTo(zlib);

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        WriteBigEndian(header, 0, width);
        WriteBigEndian(header, 4, rows);
        header[8] = 8; // bits per channel
        header[9] = 2; // truecolour
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A one-second 160x120 MP4 from ffmpeg's test pattern (made once per run).</summary>
    public static byte[] Mp4() => Video.Value;

    /// <summary>
    /// A PNG's signature followed by noise: the upload takes it (the signature matches the name), but no image can be
    /// read from it, so its renditions fail.
    /// </summary>
    public static byte[] BrokenPng()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        signature.CopyTo(bytes, 0);
        return bytes;
    }

    /// <summary>A PDF's bytes, for a file named .jpg that the server must refuse.</summary>
    public static byte[] Pdf() => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static byte[] MakeVideo()
    {
        var path = Path.Combine(Path.GetTempPath(), $"assetmanager-e2e-{Guid.NewGuid():N}.mp4");
        var start = new ProcessStartInfo("ffmpeg",
            ["-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10:duration=1",
             "-pix_fmt", "yuv420p", "-c:v", "libx264", "-preset", "ultrafast", "-movflags", "+faststart", "-y", path])
        {
            RedirectStandardError = true,
        };
        using var ffmpeg = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start");
        var errors = ffmpeg.StandardError.ReadToEnd();
        ffmpeg.WaitForExit();
        if (ffmpeg.ExitCode != 0) throw new InvalidOperationException($"ffmpeg failed: {errors}");
        try { return File.ReadAllBytes(path); } finally { File.Delete(path); }
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        WriteBigEndian(length, 0, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        WriteBigEndian(crc, 0, unchecked((int)Crc32(typed)));
        png.Write(crc);
    }

    private static void WriteBigEndian(byte[] buffer, int offset, int value)
    {
        buffer[offset] = (byte)(value >> 24);
        buffer[offset + 1] = (byte)(value >> 16);
        buffer[offset + 2] = (byte)(value >> 8);
        buffer[offset + 3] = (byte)value;
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
