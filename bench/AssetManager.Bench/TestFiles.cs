namespace AssetManager.Bench;

/// <summary>Files of random bytes behind a real signature, so the service's content check accepts them.</summary>
public static class TestFiles
{
    /// <summary>An ISO media <c>ftyp</c> box, as an MP4 starts.</summary>
    public static readonly byte[] Mp4Header =
        [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'m', (byte)'p', (byte)'4', (byte)'2',
         0, 0, 0, 0, (byte)'m', (byte)'p', (byte)'4', (byte)'2', (byte)'i', (byte)'s', (byte)'o', (byte)'m'];

    public static readonly byte[] PngHeader = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Writes the file unless one of that size is already there (from an earlier run in the same folder).</summary>
    public static async Task EnsureAsync(string path, long size, byte[] header, CancellationToken ct)
    {
        if (File.Exists(path) && new FileInfo(path).Length == size) return;
        var random = new Random(unchecked((int)size));
        var buffer = new byte[4 * 1024 * 1024];
        var temp = path + ".tmp";
        await using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 0, FileOptions.Asynchronous))
        {
            for (long written = 0; written < size;)
            {
                random.NextBytes(buffer);
                if (written == 0) header.CopyTo(buffer, 0);
                var n = (int)Math.Min(buffer.Length, size - written);
                await stream.WriteAsync(buffer.AsMemory(0, n), ct);
                written += n;
            }
        }
        File.Move(temp, path, overwrite: true);
    }
}
