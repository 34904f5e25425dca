using AssetManager.Application.Common.Media;

namespace AssetManager.Infrastructure.Media;

/// <summary>The guard against decompression bombs: the declared size is checked before anything is decoded.</summary>
internal static class PixelLimit
{
    public static void Check(int width, int height, long maxPixels)
    {
        if ((long)width * height > maxPixels)
        {
            throw new UnprocessableMediaException(
                $"The file is {width} x {height} pixels, over the pixel limit of {maxPixels:N0} pixels.");
        }
    }
}
