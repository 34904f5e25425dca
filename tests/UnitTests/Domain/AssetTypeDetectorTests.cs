using System.Text;
using AssetManager.Domain.Assets;
using AssetManager.Domain.Common;
using AssetManager.UnitTests.TestSupport;

namespace AssetManager.UnitTests.Domain;

public sealed class AssetTypeDetectorTests
{
    private const string Allowed = ".jpg, .jpeg, .png, .gif, .webp, .bmp, .svg, .mp4, .mov, .avi, .mkv, .webm, .flv, .wmv";
    private readonly AssetTypeDetector _detector = new();

    public static TheoryData<string, byte[], AssetType, string> AcceptedFiles => new()
    {
        { "photo.jpg", Samples.Jpeg, AssetType.Image, "image/jpeg" },
        { "photo.jpeg", Samples.Jpeg, AssetType.Image, "image/jpeg" },
        { "image.png", Samples.Png, AssetType.Image, "image/png" },
        { "anim.gif", Samples.Gif89, AssetType.Image, "image/gif" },
        { "old.gif", Samples.Gif87, AssetType.Image, "image/gif" },
        { "pic.webp", Samples.Webp, AssetType.Image, "image/webp" },
        { "pic.bmp", Samples.Bmp, AssetType.Image, "image/bmp" },
        { "logo.svg", Samples.Svg, AssetType.Image, "image/svg+xml" },
        { "clip.mp4", Samples.Mp4, AssetType.Video, "video/mp4" },
        { "clip.mov", Samples.Mov, AssetType.Video, "video/quicktime" },
        { "clip2.mov", Samples.MovMoov, AssetType.Video, "video/quicktime" },
        { "clip.avi", Samples.Avi, AssetType.Video, "video/x-msvideo" },
        { "clip.mkv", Samples.Mkv, AssetType.Video, "video/x-matroska" },
        { "clip.webm", Samples.Webm, AssetType.Video, "video/webm" },
        { "clip.flv", Samples.Flv, AssetType.Video, "video/x-flv" },
        { "clip.wmv", Samples.Wmv, AssetType.Video, "video/x-ms-wmv" },
    };

    [Theory]
    [MemberData(nameof(AcceptedFiles))]
    public void Accepts_every_listed_extension_with_matching_content(string name, byte[] head, AssetType type, string contentType)
    {
        var format = _detector.Detect(name, head);

        Assert.Equal(type, format.AssetType);
        Assert.Equal(contentType, format.ContentType);
        Assert.Equal(Path.GetExtension(name), format.Extension);
    }

    [Theory]
    [MemberData(nameof(AcceptedFiles))]
    public void Extension_is_case_insensitive(string name, byte[] head, AssetType type, string contentType)
    {
        var upper = Path.GetFileNameWithoutExtension(name) + Path.GetExtension(name).ToUpperInvariant();

        var format = _detector.Detect(upper, head);

        Assert.Equal(type, format.AssetType);
        Assert.Equal(contentType, format.ContentType);
        Assert.Equal(Path.GetExtension(name), format.Extension); // lower-cased, as the object key wants it
    }

    [Fact]
    public void Every_listed_extension_is_covered_by_the_samples()
    {
        var covered = AcceptedFiles.Select(row => Path.GetExtension((string)row[0])).ToHashSet();
        Assert.Equal(Allowed.Split(", ").Order(), covered.Order());
        Assert.Equal(Allowed, FileFormat.AllowedList);
    }

    [Theory]
    [InlineData("mixed.JpEg", AssetType.Image)]
    [InlineData(@"C:\x\a.JPG", AssetType.Image)]
    [InlineData("/home/user/videos/clip.MP4", AssetType.Video)]
    [InlineData("folder.with.dots/clip.mp4", AssetType.Video)]
    [InlineData(@"C:\dir.svg\clip.mp4", AssetType.Video)]
    public void Only_the_last_path_segment_counts(string name, AssetType type)
    {
        var head = type == AssetType.Image ? Samples.Jpeg : Samples.Mp4;
        Assert.Equal(type, _detector.Detect(name, head).AssetType);
    }

    [Fact]
    public void Unlisted_extension_is_rejected_with_the_contract_message()
    {
        var error = Assert.Throws<UploadRejectedException>(() => _detector.Detect("setup.exe", Samples.PortableExecutable));
        Assert.Equal($"Unsupported file type '.exe'. Allowed: {Allowed}", error.Message);
    }

    [Theory]
    [InlineData("notes.txt", ".txt")]
    [InlineData("SETUP.EXE", ".exe")]
    [InlineData("archive.tar.gz", ".gz")]
    [InlineData("image.jpg.exe", ".exe")]
    [InlineData("file.", ".")]
    [InlineData("README", "")]
    [InlineData("dir.png/README", "")]
    [InlineData(@"C:\pics.jpg\noext", "")]
    [InlineData("", "")]
    [InlineData(".jpg", "")]
    public void Unlisted_or_missing_extension_is_rejected(string name, string shown)
    {
        var error = Assert.Throws<UploadRejectedException>(() => _detector.Detect(name, Samples.Jpeg));
        Assert.Equal($"Unsupported file type '{shown}'. Allowed: {Allowed}", error.Message);
    }

    [Fact]
    public void Extension_is_checked_before_content()
    {
        // Neither an accepted extension nor content of any kind: the extension is what is reported.
        var error = Assert.Throws<UploadRejectedException>(() => _detector.Detect("a.txt", Samples.Zip));
        Assert.StartsWith("Unsupported file type '.txt'.", error.Message);
    }

    public static TheoryData<string, byte[]> Mismatches => new()
    {
        { "holiday.jpg", Samples.Zip },
        { "holiday.jpg", Samples.PortableExecutable },
        { "holiday.png", Samples.PortableExecutable },
        { "holiday.jpg", Samples.Text },
        { "holiday.jpg", Samples.Svg },
        { "holiday.gif", Samples.Mp4 },
        { "holiday.webp", Samples.Avi },          // RIFF, but not a WEBP one
        { "clip.mp4", Samples.Png },
        { "clip.mov", Samples.Jpeg },
        { "clip.avi", Samples.Webp },             // RIFF, but not an AVI one
        { "clip.mkv", Samples.Zip },
        { "clip.webm", Samples.Text },
        { "clip.flv", Samples.Gif89 },
        { "clip.wmv", Samples.PortableExecutable },
        { "logo.svg", Samples.Png },
        { "logo.svg", Samples.Text },
        { "logo.svg", Samples.Html },
        { "logo.svg", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"/>") },
        { "logo.svg", Encoding.UTF8.GetBytes("<svgfoo/>") },
        { "logo.svg", Encoding.UTF8.GetBytes("text before <svg/>") },
        { "logo.svg", Encoding.UTF8.GetBytes("<!-- never closed <svg/>") },
        { "pic.bmp", Encoding.ASCII.GetBytes("BMW is a car, not a bitmap") },
    };

    [Theory]
    [MemberData(nameof(Mismatches))]
    public void Content_that_contradicts_the_extension_is_rejected(string name, byte[] head)
    {
        var error = Assert.Throws<UploadRejectedException>(() => _detector.Detect(name, head));
        Assert.Equal("File content does not match its extension", error.Message);
    }

    [Theory]
    [InlineData("a.jpg")]
    [InlineData("a.mp4")]
    [InlineData("a.svg")]
    public void Too_few_bytes_to_recognise_are_a_mismatch(string name)
    {
        var error = Assert.Throws<UploadRejectedException>(() => _detector.Detect(name, [0xFF]));
        Assert.Equal(AssetTypeDetector.ContentMismatch, error.Message);
    }

    public static TheoryData<string> SvgDocuments => new()
    {
        "\uFEFF<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n<svg width=\"10\" height=\"10\"></svg>",
        "\uFEFF<?xml version=\"1.0\"?>\r\n<!-- Generator: Adobe Illustrator -->\r\n<svg version=\"1.1\">",
        "<!-- a comment with <html> inside -->\n<!-- and another -->\n<svg>",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n<svg xmlns=\"http://www.w3.org/2000/svg\">",
        "<!DOCTYPE svg [ <!ENTITY ns \"http://www.w3.org/2000/svg\"> <!ELEMENT svg ANY> ]>\n<svg xmlns=\"&ns;\">",
        "<?xml-stylesheet type=\"text/css\" href=\"a.css\"?><svg/>",
        "  \n\t<svg\n  width=\"1\">",
        "<svg:svg xmlns:svg=\"http://www.w3.org/2000/svg\"/>",
    };

    [Theory]
    [MemberData(nameof(SvgDocuments))]
    public void Svg_with_prolog_is_accepted(string document)
    {
        var format = _detector.Detect("drawing.svg", Encoding.UTF8.GetBytes(document));
        Assert.Equal(AssetType.Image, format.AssetType);
        Assert.Equal("image/svg+xml", format.ContentType);
    }

    [Fact]
    public void HeadLength_is_enough_for_every_signature()
    {
        Assert.True(_detector.HeadLength >= 16);
    }

    [Theory]
    [InlineData("a.JPG", ".jpg")]
    [InlineData("a.Mp4", ".mp4")]
    [InlineData("a.exe", null)]
    [InlineData("a", null)]
    public void FromFileName_maps_extensions_only(string name, string? extension)
    {
        Assert.Equal(extension, _detector.FromFileName(name)?.Extension);
    }
}
