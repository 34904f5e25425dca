using AssetManager.Application.Common.Storage;
using AssetManager.Domain.Common;
using AssetManager.Infrastructure.Storage;
using AssetManager.UnitTests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace AssetManager.UnitTests.Infrastructure;

/// <summary>The disk store in a temporary folder, and the original's s3_utils counterparts on top of it.</summary>
public sealed class DiskObjectStorageTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "am-unit-" + Guid.NewGuid().ToString("N"));
    private readonly DiskObjectStorage _storage;

    public DiskObjectStorageTests() => _storage = new DiskObjectStorage(new StorageOptions { LocalRoot = _root });

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private string[] LeftoverParts() =>
        Directory.Exists(Path.Combine(_root, ".incoming")) ? Directory.GetFiles(Path.Combine(_root, ".incoming")) : [];

    [Fact]
    public async Task Upload_unique_then_delete_by_url()
    {
        var (url, name, key) = await _storage.UploadUniqueAsync(new MemoryStream([1, 2, 3]), ".PNG", "image/png", default);

        Assert.Matches("^[0-9a-f]{32}\\.png$", name);
        Assert.Equal("uploads/" + name, key);
        Assert.Equal("/media/uploads/" + name, url);
        Assert.Equal(new byte[] { 1, 2, 3 }, await File.ReadAllBytesAsync(Path.Combine(_root, "uploads", name)));
        Assert.Empty(LeftoverParts());

        Assert.True(await _storage.DeleteByUrlAsync(url, NullLogger.Instance, default));
        Assert.False(await _storage.ExistsAsync(key, default));
        Assert.False(await _storage.DeleteByUrlAsync(url, NullLogger.Instance, default)); // gone: false, no exception
    }

    [Theory]
    [InlineData("https://elsewhere.example/uploads/x.png")]
    [InlineData("/media/../../etc/passwd")]
    [InlineData("not a url")]
    public async Task Delete_by_url_that_is_not_ours_is_false(string url) =>
        Assert.False(await _storage.DeleteByUrlAsync(url, NullLogger.Instance, default));

    [Fact]
    public async Task An_existing_key_is_never_overwritten()
    {
        await _storage.PutAsync("uploads/same.jpg", new MemoryStream([1]), "image/jpeg", 0, default);

        await Assert.ThrowsAsync<StorageFailedException>(() =>
            _storage.PutAsync("uploads/same.jpg", new MemoryStream([2]), "image/jpeg", 0, default));

        Assert.Equal(new byte[] { 1 }, await File.ReadAllBytesAsync(Path.Combine(_root, "uploads", "same.jpg")));
        Assert.Empty(LeftoverParts());
    }

    [Fact]
    public async Task A_failed_read_leaves_nothing_and_propagates_as_it_is()
    {
        var tooLarge = new LengthLimitedStream(ReadOnlyMemory<byte>.Empty, new CountingStream(null), maxBytes: 100_000);

        await Assert.ThrowsAsync<FileTooLargeException>(() =>
            _storage.PutAsync("uploads/big.jpg", tooLarge, "image/jpeg", 0, default));

        Assert.False(await _storage.ExistsAsync("uploads/big.jpg", default));
        Assert.Empty(LeftoverParts());
    }

    [Fact]
    public async Task Unsafe_keys_are_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _storage.PutAsync("../x.jpg", new MemoryStream([1]), "image/jpeg", 0, default));
        await Assert.ThrowsAsync<ArgumentException>(() => _storage.DeleteAsync("uploads/../../x", default));
    }
}
