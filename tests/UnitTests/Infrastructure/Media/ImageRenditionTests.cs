using AssetManager.Application.Common.Media;
using AssetManager.Domain.Assets;
using AssetManager.Infrastructure.Media;
using NetVips;

namespace AssetManager.UnitTests.Infrastructure.Media;

/// <summary>Images through the real libvips (and ffmpeg for BMP): sizes, orientation, formats and broken files.</summary>
public sealed class ImageRenditionTests : IDisposable
{
    private readonly MediaWorkspace _work = new();
    private readonly IRenditionMaker _maker = MediaWorkspace.Maker();

    public void Dispose() => _work.Dispose();

    private Task<MediaFacts> MakeAsync(string source) =>
        _maker.MakeAsync(source, FileFormat.FromExtension(Path.GetExtension(source))!, _work.Output, default);

    [Theory]
    [InlineData(3000, 2000, 2048, 1365, 512, 341)]
    [InlineData(2000, 3000, 1365, 2048, 341, 512)]
    [InlineData(5000, 500, 2048, 205, 512, 51)]
    [InlineData(1000, 600, 1000, 600, 512, 307)]
    public async Task The_long_side_is_brought_down_to_the_rendition_size_keeping_the_aspect_ratio(
        int width, int height, int previewWidth, int previewHeight, int thumbnailWidth, int thumbnailHeight)
    {
        var facts = await MakeAsync(ImageSamples.Write(_work.PathOf("in.png"), width, height));

        Assert.Equal(new MediaFacts(width, height, null), facts);
        Assert.Equal((previewWidth, previewHeight), WebpFile.SizeOf(_work.Output.PreviewPath));
        Assert.Equal((thumbnailWidth, thumbnailHeight), WebpFile.SizeOf(_work.Output.ThumbnailPath));
        Assert.Equal(["in.png", "preview.webp", "thumb.webp"], _work.FileNames());
    }

    [Fact]
    public async Task A_smaller_source_is_never_enlarged()
    {
        var facts = await MakeAsync(ImageSamples.Write(_work.PathOf("in.jpg"), 300, 200));

        Assert.Equal(new MediaFacts(300, 200, null), facts);
        Assert.Equal((300, 200), WebpFile.SizeOf(_work.Output.PreviewPath));
        Assert.Equal((300, 200), WebpFile.SizeOf(_work.Output.ThumbnailPath));
    }

    [Theory]
    [InlineData(".jpg")]
    [InlineData(".jpeg")]
    [InlineData(".png")]
    [InlineData(".gif")]
    [InlineData(".webp")]
    [InlineData(".bmp")]
    [InlineData(".svg")]
    public async Task Every_accepted_image_format_is_rendered(string extension)
    {
        var facts = await MakeAsync(ImageSamples.Write(_work.PathOf("in" + extension), 1000, 600));

        Assert.Equal(new MediaFacts(1000, 600, null), facts);
        Assert.Equal((1000, 600), WebpFile.SizeOf(_work.Output.PreviewPath));
        using var thumbnail = WebpFile.Load(_work.Output.ThumbnailPath);
        Assert.Equal((512, 307), (thumbnail.Width, thumbnail.Height));
        // Red on the left, blue on the right, not mirrored or upside down (BMP rows are stored bottom-up).
        var left = WebpFile.MeanColour(thumbnail, 0, 0, 200, 307);
        var right = WebpFile.MeanColour(thumbnail, 312, 0, 200, 307);
        Assert.True(left[0] > 200 && left[2] < 60, $"left is {string.Join(", ", left)}");
        Assert.True(right[2] > 200 && right[0] < 60, $"right is {string.Join(", ", right)}");
    }

    [Fact]
    public async Task The_exif_orientation_is_applied_to_facts_and_renditions()
    {
        // Stored 600 x 400, red left and blue right; orientation 6 shows it turned a quarter clockwise: red on top.
        var facts = await MakeAsync(ImageSamples.JpegWithOrientation(_work.PathOf("in.jpg"), 600, 400, orientation: 6));

        Assert.Equal(new MediaFacts(400, 600, null), facts);
        using var preview = WebpFile.Load(_work.Output.PreviewPath);
        Assert.Equal((400, 600), (preview.Width, preview.Height));
        Assert.Equal((341, 512), WebpFile.SizeOf(_work.Output.ThumbnailPath));
        var top = WebpFile.MeanColour(preview, 0, 0, 400, 250);
        var bottom = WebpFile.MeanColour(preview, 0, 350, 400, 250);
        Assert.True(top[0] > 200 && top[2] < 60, $"top is {string.Join(", ", top)}");
        Assert.True(bottom[2] > 200 && bottom[0] < 60, $"bottom is {string.Join(", ", bottom)}");
        // The renditions carry no EXIF (no orientation to apply twice, no place a photo was taken).
        Assert.Equal(0, (long)preview.GetTypeOf("exif-data"));
    }

    [Fact]
    public async Task A_cmyk_jpeg_is_converted_to_srgb_and_carries_no_profile()
    {
        var facts = await MakeAsync(ImageSamples.CmykJpeg(_work.PathOf("in.jpg"), 300, 200));

        Assert.Equal(new MediaFacts(300, 200, null), facts);
        foreach (var path in new[] { _work.Output.PreviewPath, _work.Output.ThumbnailPath })
        {
            using var rendition = WebpFile.Load(path);
            Assert.Equal(3, rendition.Bands);
            Assert.Equal(0, (long)rendition.GetTypeOf("icc-profile-data"));
            var colour = WebpFile.MeanColour(rendition, 0, 0, rendition.Width, rendition.Height);
            Assert.True(colour[0] > 180 && colour[1] < 80 && colour[2] < 80, $"{path} is {string.Join(", ", colour)}, not red");
        }
    }

    [Fact]
    public async Task An_image_with_another_colour_profile_is_converted_to_srgb()
    {
        await MakeAsync(ImageSamples.DisplayP3Png(_work.PathOf("in.png"), 300, 200));

        using var preview = WebpFile.Load(_work.Output.PreviewPath);
        Assert.Equal(0, (long)preview.GetTypeOf("icc-profile-data"));
        // Stored as P3 (234, 51, 34); shown untagged without conversion it would be that dull red.
        var colour = WebpFile.MeanColour(preview, 0, 0, 300, 200);
        Assert.True(colour[0] > 245 && colour[1] < 15 && colour[2] < 15, $"the preview is {string.Join(", ", colour)}, not sRGB red");
    }

    [Theory]
    [InlineData("in.png")]
    [InlineData("in.jpg")]
    public async Task A_truncated_image_is_unprocessable(string name)
    {
        var source = ImageSamples.Truncated(_work.PathOf(name), 800, 600);

        var error = await Assert.ThrowsAsync<UnprocessableMediaException>(() => MakeAsync(source));

        Assert.Contains("damaged or incomplete", error.Message);
        Assert.Equal([name], _work.FileNames());
    }

    [Fact]
    public async Task A_truncated_bmp_is_unprocessable()
    {
        var source = ImageSamples.Truncated(_work.PathOf("in.bmp"), 800, 600);

        var error = await Assert.ThrowsAsync<UnprocessableMediaException>(() => MakeAsync(source));

        Assert.StartsWith("The file could not be", error.Message);
        Assert.DoesNotContain(_work.Root, error.Message);
        Assert.Equal(["in.bmp"], _work.FileNames());
    }

    [Fact]
    public async Task A_decompression_bomb_is_refused_from_its_header_before_decoding()
    {
        var source = ImageSamples.PngBomb(_work.PathOf("bomb.png"), 50_000, 50_000);

        var error = await Assert.ThrowsAsync<UnprocessableMediaException>(() => MakeAsync(source));

        // Its data stops after 100 rows: had it been decoded, it would have failed as damaged instead.
        Assert.Equal("The file is 50000 x 50000 pixels, over the pixel limit of 100,000,000 pixels.", error.Message);
        Assert.Equal(["bomb.png"], _work.FileNames());
    }

    [Fact]
    public async Task A_bmp_bomb_is_refused_from_its_header_too()
    {
        var source = ImageSamples.BmpBomb(_work.PathOf("bomb.bmp"), 50_000, 50_000);

        var error = await Assert.ThrowsAsync<UnprocessableMediaException>(() => MakeAsync(source));

        Assert.Contains("over the pixel limit", error.Message);
    }

    [Fact]
    public async Task The_pixel_limit_is_a_setting()
    {
        var maker = MediaWorkspace.Maker(new MediaOptions { MaxPixels = 300 * 200 - 1 });
        var source = ImageSamples.Write(_work.PathOf("in.webp"), 300, 200);

        var error = await Assert.ThrowsAsync<UnprocessableMediaException>(() =>
            maker.MakeAsync(source, FileFormat.FromExtension(".webp")!, _work.Output, default));

        Assert.Contains("over the pixel limit of 59,999 pixels", error.Message);
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>", "in.png")]
    [InlineData("not an image at all", "in.jpg")]
    public async Task Content_that_is_not_an_accepted_raster_format_is_not_decoded(string content, string name)
    {
        await File.WriteAllTextAsync(_work.PathOf(name), content);

        var error = await Assert.ThrowsAsync<UnprocessableMediaException>(() => MakeAsync(_work.PathOf(name)));

        Assert.Equal("The file is not a JPEG, PNG, GIF, WebP or BMP image.", error.Message);
    }

    [Fact]
    public async Task A_tiff_named_png_is_refused()
    {
        using (var picture = Image.Black(40, 30))
        {
            picture.Tiffsave(_work.PathOf("in.png"));
        }

        var error = await Assert.ThrowsAsync<UnprocessableMediaException>(() => MakeAsync(_work.PathOf("in.png")));

        Assert.Equal("The file is not a JPEG, PNG, GIF, WebP or BMP image.", error.Message);
    }

    [Fact]
    public async Task A_missing_source_is_not_the_files_fault()
    {
        await Assert.ThrowsAsync<FileNotFoundException>(() => MakeAsync(_work.PathOf("gone.png")));
        Assert.Empty(_work.FileNames());
    }

    [Fact]
    public async Task An_unwritable_output_propagates_and_leaves_nothing()
    {
        var source = ImageSamples.Write(_work.PathOf("in.png"), 100, 100);
        var output = new RenditionFiles(_work.PathOf("missing-folder/thumb.webp"), _work.PathOf("preview.webp"));

        await Assert.ThrowsAsync<DirectoryNotFoundException>(() =>
            _maker.MakeAsync(source, FileFormat.FromExtension(".png")!, output, default));

        Assert.Equal(["in.png"], _work.FileNames());
    }

    [Fact]
    public async Task A_cancelled_request_does_nothing()
    {
        var source = ImageSamples.Write(_work.PathOf("in.png"), 100, 100);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _maker.MakeAsync(source, FileFormat.FromExtension(".png")!, _work.Output, new CancellationToken(canceled: true)));

        Assert.Equal(["in.png"], _work.FileNames());
    }
}
