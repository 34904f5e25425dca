using System.Security.Cryptography;
using AssetManager.Application.Common.Storage;

namespace AssetManager.UnitTests.Application.Storage;

public sealed class Sha256StreamTests
{
    private static byte[] Data(int length)
    {
        var data = new byte[length];
        new Random(length).NextBytes(data);
        return data;
    }

    [Theory]
    [InlineData(0, 4096)]
    [InlineData(1, 4096)]
    [InlineData(100_000, 4096)]
    [InlineData(1_000_000, 65_536)]
    [InlineData(1_000_000, 200_000)]
    public async Task The_hash_is_the_data_s_whatever_the_reads(int length, int readSize)
    {
        var data = Data(length);
        await using var stream = new Sha256Stream(new MemoryStream(data));
        var copy = new MemoryStream();
        var buffer = new byte[readSize];
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0) copy.Write(buffer, 0, read);

        Assert.Equal(data, copy.ToArray());
        Assert.Equal(length, stream.BytesRead);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(data)), stream.Hex());
    }

    [Fact]
    public async Task A_reader_that_overwrites_its_buffer_at_once_does_not_change_the_hash()
    {
        var data = Data(3_000_000);
        using var stream = new Sha256Stream(new MemoryStream(data));
        var buffer = new byte[65_536];
        while (await stream.ReadAsync(buffer) > 0) Array.Fill(buffer, (byte)0xAB); // as a reader reusing a pooled buffer at once

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(data)), stream.Hex());
    }

    [Fact]
    public async Task The_hash_is_complete_when_the_reader_stops_at_the_known_length_without_reading_the_end()
    {
        var data = Data(300_000);
        using var stream = new Sha256Stream(new MemoryStream(data));
        var buffer = new byte[data.Length];
        var total = 0;
        while (total < data.Length) total += await stream.ReadAsync(buffer.AsMemory(total));

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(data)), stream.Hex());
    }
}
