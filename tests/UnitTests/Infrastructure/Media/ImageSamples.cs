using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using NetVips;

namespace AssetManager.UnitTests.Infrastructure.Media;

/// <summary>Images made on the spot: libvips writes JPEG, PNG, GIF and WebP; BMP, SVG and the broken files by hand.</summary>
public static class ImageSamples
{
    /// <summary>A width x height picture, its left half red and its right half blue, in the format of the extension.</summary>
    public static string Write(string path, int width, int height)
    {
        if (path.EndsWith(".bmp", StringComparison.Ordinal))
        {
            File.WriteAllBytes(path, Bmp(width, height));
        }
        else if (path.EndsWith(".svg", StringComparison.Ordinal))
        {
            File.WriteAllText(path, Svg(width, height,
                $"""<rect width="{width / 2}" height="{height}" fill="#f00"/><rect x="{width / 2}" width="{width - width / 2}" height="{height}" fill="#00f"/>"""));
        }
        else
        {
            using var picture = RedAndBlue(width, height);
            picture.WriteToFile(path);
        }
        return path;
    }

    /// <summary>A JPEG stored width x height with an EXIF orientation (6: to be turned a quarter clockwise).</summary>
    public static string JpegWithOrientation(string path, int width, int height, int orientation)
    {
        using var picture = RedAndBlue(width, height);
        using var oriented = picture.Mutate(m => m.Set(GValue.GIntType, "orientation", orientation));
        oriented.WriteToFile(path);
        return path;
    }

    /// <summary>A red JPEG stored as CMYK (as print workflows leave them), with no profile of its own.</summary>
    public static string CmykJpeg(string path, int width, int height)
    {
        using var cmyk = Image.Black(width, height, bands: 4).NewFromImage(0, 255, 255, 0).Cast(Enums.BandFormat.Uchar)
            .Copy(interpretation: Enums.Interpretation.Cmyk);
        cmyk.Jpegsave(path);
        return path;
    }

    /// <summary>A PNG of pure sRGB red converted to Display P3 and tagged with that profile (as phones save photos).</summary>
    public static string DisplayP3Png(string path, int width, int height)
    {
        using var red = Image.Black(width, height, bands: 3).NewFromImage(255, 0, 0).Cast(Enums.BandFormat.Uchar)
            .Copy(interpretation: Enums.Interpretation.Srgb);
        using var p3 = red.IccTransform("p3", inputProfile: "srgb");
        p3.WriteToFile(path);
        return path;
    }

    public static string Svg(int width, int height, string body) =>
        $"""<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="{width}" height="{height}">{body}</svg>""";

    /// <summary>The first half of a valid file.</summary>
    public static string Truncated(string path, int width, int height)
    {
        Write(path, width, height);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        return path;
    }

    /// <summary>A PNG of a few KB whose header declares width x height grey pixels; its data stops after 100 rows.</summary>
    public static string PngBomb(string path, int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (grey), no interlace
        var data = new MemoryStream();
        using (var zlib = new ZLibStream(data, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(new byte[(width + 1) * 100]);
        }
        var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", data.ToArray());
        WriteChunk(png, "IEND", []);
        File.WriteAllBytes(path, png.ToArray());
        return path;
    }

    /// <summary>A BMP whose header declares width x height but holds no pixels.</summary>
    public static string BmpBomb(string path, int width, int height)
    {
        var bmp = Bmp(1, 1);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(18), width);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(22), height);
        File.WriteAllBytes(path, bmp);
        return path;
    }

    private static Image RedAndBlue(int width, int height)
    {
        using var x = Image.Xyz(width, height)[0];
        using var isLeft = x < width / 2;
        using var red = Image.Black(width, height, bands: 3).NewFromImage(255, 0, 0);
        using var blue = Image.Black(width, height, bands: 3).NewFromImage(0, 0, 255);
        using var picture = isLeft.Ifthenelse(red, blue);
        return picture.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
    }

    /// <summary>An uncompressed 24-bit bottom-up BMP, red on the left and blue on the right.</summary>
    private static byte[] Bmp(int width, int height)
    {
        var stride = (width * 3 + 3) & ~3;
        var bytes = new byte[54 + stride * height];
        "BM"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(2), bytes.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(10), 54);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(18), width);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(22), height);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(28), 24);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(34), stride * height);
        for (var row = 0; row < height; row++)
        {
            for (var column = 0; column < width; column++)
            {
                var pixel = 54 + row * stride + column * 3; // blue, green, red
                bytes[pixel] = (byte)(column < width / 2 ? 0 : 255);
                bytes[pixel + 2] = (byte)(column < width / 2 ? 255 : 0);
            }
        }
        return bytes;
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typeAndData));
        png.Write(number);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }
        return ~crc;
    }
}
