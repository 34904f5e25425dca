using NetVips;

namespace AssetManager.UnitTests.Infrastructure.Media;

/// <summary>Reads back a rendition: it must be a WebP file (RIFF....WEBP) that libvips decodes.</summary>
public static class WebpFile
{
    public static Image Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 12, $"{path} is too short to be WebP");
        Assert.Equal("RIFF"u8.ToArray(), bytes[..4]);
        Assert.Equal("WEBP"u8.ToArray(), bytes[8..12]);
        var image = Image.NewFromBuffer(bytes, failOn: Enums.FailOn.Error);
        Assert.Equal("webpload_buffer", image.Get("vips-loader"));
        return image;
    }

    public static (int Width, int Height) SizeOf(string path)
    {
        using var image = Load(path);
        return (image.Width, image.Height);
    }

    /// <summary>The mean of each colour band (red, green, blue) over a region, 0 to 255.</summary>
    public static double[] MeanColour(Image image, int left, int top, int width, int height)
    {
        using var region = image.Crop(left, top, width, height);
        return Enumerable.Range(0, 3).Select(band =>
        {
            using var channel = region[band];
            return channel.Avg();
        }).ToArray();
    }
}
