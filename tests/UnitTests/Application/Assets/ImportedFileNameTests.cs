using AssetManager.Application.Assets.Commands.ImportAsset;

namespace AssetManager.UnitTests.Application.Assets;

/// <summary>Where an imported file's name (and so its type) comes from.</summary>
public sealed class ImportedFileNameTests
{
    private static string Choose(string url, string? finalUrl = null, string? disposition = null, string? contentType = null) =>
        ImportedFileName.Choose(new Uri(url), new RemoteFile(new Uri(finalUrl ?? url), disposition, contentType, null, Stream.Null));

    [Fact]
    public void The_url_path_comes_first() =>
        Assert.Equal("sunset.png", Choose("https://gen.example/results/sunset.png?sig=abc", disposition: "other.jpg", contentType: "video/mp4"));

    [Fact]
    public void Then_the_url_a_redirect_led_to() =>
        Assert.Equal("a1b2.webp", Choose("https://gen.example/r/7f3a", finalUrl: "https://cdn.example/x/a1b2.webp"));

    [Fact]
    public void Then_content_disposition() =>
        Assert.Equal("render.jpg", Choose("https://gen.example/download/7f3a", disposition: "render.jpg", contentType: "image/png"));

    [Fact]
    public void Then_the_content_type_named_after_the_path() =>
        Assert.Equal("7f3a.png", Choose("https://gen.example/download/7f3a", contentType: "image/png; charset=binary"));

    [Fact]
    public void A_content_type_without_a_path_names_a_download() =>
        Assert.Equal("download.mp4", Choose("https://gen.example/", contentType: "video/mp4"));

    [Fact]
    public void Escaped_names_are_read_as_names() =>
        Assert.Equal("my shot.png", Choose("https://gen.example/files/my%20shot.png"));

    [Fact]
    public void When_nothing_fits_the_urls_own_name_is_kept_for_the_check_to_refuse() =>
        Assert.Equal("setup.exe", Choose("https://gen.example/setup.exe", contentType: "application/octet-stream"));
}
