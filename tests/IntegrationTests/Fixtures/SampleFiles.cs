namespace AssetManager.IntegrationTests.Fixtures;

/// <summary>Small files with the right leading bytes for each family.</summary>
public static class SampleFiles
{
    public static byte[] Jpeg(int size = 2048) => WithHead([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F'], size);

    public static byte[] Png(int size = 2048) => WithHead([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], size);

    public static byte[] Mp4(int size = 4096) => WithHead([0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'m', (byte)'p', (byte)'4', (byte)'2'], size);

    public static byte[] Svg() => "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>"u8.ToArray();

    public static byte[] Zip(int size = 512) => WithHead([(byte)'P', (byte)'K', 3, 4], size);

    private static byte[] WithHead(byte[] head, int size)
    {
        var bytes = new byte[Math.Max(size, head.Length)];
        Random.Shared.NextBytes(bytes);
        head.CopyTo(bytes, 0);
        return bytes;
    }
}
