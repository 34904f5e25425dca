using System.Text.RegularExpressions;
using AssetManager.Application.Common.Storage;

namespace AssetManager.UnitTests.Application.Storage;

public sealed class ObjectKeysTests
{
    [Theory]
    [InlineData(".jpg", "jpg")]
    [InlineData(".JPG", "jpg")]
    [InlineData(".WebM", "webm")]
    [InlineData(".svg", "svg")]
    public void Keys_are_uploads_slash_32_lowercase_hex_dot_lowercase_extension(string extension, string expected)
    {
        var key = ObjectKeys.NewKey(extension);
        Assert.Matches(new Regex($"^uploads/[0-9a-f]{{32}}\\.{expected}$"), key);
    }

    [Fact]
    public void Keys_are_unique()
    {
        var keys = Enumerable.Range(0, 1000).Select(_ => ObjectKeys.NewKey(".png")).ToHashSet();
        Assert.Equal(1000, keys.Count);
    }

    [Fact]
    public void Another_folder_can_be_asked_for()
    {
        Assert.Matches("^thumbnails/[0-9a-f]{32}\\.jpg$", ObjectKeys.NewKey(".jpg", "thumbnails"));
        Assert.Equal("uploads", ObjectKeys.UploadsFolder);
    }
}
