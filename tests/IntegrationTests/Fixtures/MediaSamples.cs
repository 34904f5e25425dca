using System.Diagnostics;
using NetVips;

namespace AssetManager.IntegrationTests.Fixtures;

/// <summary>Real pictures and videos, made on the spot (libvips, ffmpeg), for the renditions to be made of.</summary>
public static class MediaSamples
{
    /// <summary>A colour gradient of the given size, as a PNG or JPEG (by the extension).</summary>
    public static byte[] Image(int width, int height, string extension = ".png")
    {
        using var x = NetVips.Image.Xyz(width, height);
        using var picture = (x[0] * (255.0 / Math.Max(1, width))).Bandjoin(x[1] * (255.0 / Math.Max(1, height)), x[0] * 0 + 128).Cast(Enums.BandFormat.Uchar);
        return picture.WriteToBuffer(extension);
    }

    /// <summary>
    /// A PNG whose header declares <paramref name="width"/> x <paramref name="height"/> over a few real rows: a
    /// decompression bomb, refused before anything is decoded.
    /// </summary>
    public static byte[] Bomb(int width = 50_000, int height = 50_000)
    {
        var png = Image(16, 16);
        // IHDR's width and height sit at bytes 16..23; its CRC (29..32) goes stale, which the header check never reads
        BitConverter.GetBytes(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(width)).CopyTo(png, 16);
        BitConverter.GetBytes(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(height)).CopyTo(png, 20);
        return png;
    }

    /// <summary>The first half of a real PNG.</summary>
    public static byte[] TruncatedPng() => Image(400, 300)[..600];

    /// <summary>ffmpeg's test pattern as an MP4 of the given size and length.</summary>
    public static async Task<byte[]> Mp4Async(int width = 320, int height = 240, double seconds = 2)
    {
        var path = Path.Combine(Path.GetTempPath(), $"am-sample-{Guid.NewGuid():N}.mp4");
        try
        {
            var start = new ProcessStartInfo("ffmpeg",
            [
                "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi",
                "-i", $"testsrc=duration={seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}:size={width}x{height}:rate=25",
                "-pix_fmt", "yuv420p", path,
            ]) { RedirectStandardError = true };
            using var ffmpeg = Process.Start(start)!;
            var errors = await ffmpeg.StandardError.ReadToEndAsync();
            await ffmpeg.WaitForExitAsync();
            if (ffmpeg.ExitCode != 0) throw new InvalidOperationException("ffmpeg could not make the sample: " + errors);
            return await File.ReadAllBytesAsync(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The width and height of an image's bytes (the renditions are WebP).</summary>
    public static (int Width, int Height) SizeOf(byte[] image)
    {
        using var decoded = NetVips.Image.NewFromBuffer(image);
        return (decoded.Width, decoded.Height);
    }
}
