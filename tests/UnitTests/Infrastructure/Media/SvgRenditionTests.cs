using System.Net;
using System.Net.Sockets;
using AssetManager.Application.Common.Media;
using AssetManager.Domain.Assets;
using NetVips;

namespace AssetManager.UnitTests.Infrastructure.Media;

/// <summary>SVG through the librsvg inside NetVips.Native: rendered at scale, and no reference ever followed.</summary>
public sealed class SvgRenditionTests : IDisposable
{
    private readonly MediaWorkspace _work = new();
    private readonly IRenditionMaker _maker = MediaWorkspace.Maker();
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public SvgRenditionTests() => _listener.Start();

    public void Dispose()
    {
        _listener.Dispose();
        _work.Dispose();
    }

    private string Loopback => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    private async Task<Image> RenderAsync(string body)
    {
        var source = _work.PathOf("in.svg");
        await File.WriteAllTextAsync(source, ImageSamples.Svg(100, 100, body));
        var facts = await _maker.MakeAsync(source, FileFormat.FromExtension(".svg")!, _work.Output, default);
        Assert.Equal(new MediaFacts(100, 100, null), facts);
        return WebpFile.Load(_work.Output.PreviewPath);
    }

    private static void AssertNothingDrawn(Image preview)
    {
        Assert.Equal((100, 100), (preview.Width, preview.Height));
        Assert.Equal(4, preview.Bands);
        using var alpha = preview[3];
        Assert.Equal(0, alpha.Max()); // fully transparent: the referenced image was not drawn
    }

    [Fact]
    public async Task A_large_svg_is_rendered_at_the_preview_scale_and_a_small_one_at_its_own_size()
    {
        var large = ImageSamples.Write(_work.PathOf("large.svg"), 8000, 2000);
        var facts = await _maker.MakeAsync(large, FileFormat.FromExtension(".svg")!, _work.Output, default);

        Assert.Equal(new MediaFacts(8000, 2000, null), facts);
        Assert.Equal((2048, 512), WebpFile.SizeOf(_work.Output.PreviewPath));
        Assert.Equal((512, 128), WebpFile.SizeOf(_work.Output.ThumbnailPath));

        using var small = await RenderAsync("""<rect width="100" height="100" fill="#0f0"/>""");
        Assert.Equal((100, 100), (small.Width, small.Height));
    }

    [Fact]
    public async Task A_reference_to_a_local_file_is_not_followed()
    {
        using var preview = await RenderAsync("""<image href="file:///etc/passwd" width="100" height="100"/>""");

        AssertNothingDrawn(preview);
    }

    [Theory]
    [InlineData("red.png")]
    [InlineData("file://{folder}/red.png")]
    public async Task Not_even_an_image_beside_the_svg_is_loaded(string reference)
    {
        // librsvg given the SVG's file name would draw this one (it allows files in the SVG's own folder).
        using (var red = Image.Black(100, 100, bands: 3).NewFromImage(255, 0, 0).Cast(Enums.BandFormat.Uchar))
        {
            red.WriteToFile(_work.PathOf("red.png"));
        }

        using var preview = await RenderAsync($"""<image href="{reference.Replace("{folder}", _work.Root)}" width="100" height="100"/>""");

        AssertNothingDrawn(preview);
    }

    [Theory]
    [InlineData("""<image href="{url}/a.png" width="100" height="100"/>""")]
    [InlineData("""<image xlink:href="{url}/b.png" width="100" height="100"/>""")]
    [InlineData("""<style>@import url("{url}/c.css");</style>""")]
    [InlineData("""<filter id="f"><feImage href="{url}/d.png"/></filter><rect width="100" height="100" filter="url(#f)"/>""")]
    [InlineData("""<use href="{url}/e.svg#x"/>""")]
    public async Task A_reference_to_a_loopback_url_is_not_fetched(string body)
    {
        using var preview = await RenderAsync(body.Replace("{url}", Loopback));

        Assert.False(_listener.Pending(), "the renderer connected to the loopback listener");
        Assert.Equal((100, 100), (preview.Width, preview.Height));
    }

    [Fact]
    public async Task An_external_entity_is_not_resolved()
    {
        var source = _work.PathOf("in.svg");
        await File.WriteAllTextAsync(source,
            $"""<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "{Loopback}/f.txt">]><svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><text y="50">&x;</text></svg>""");

        var error = await Assert.ThrowsAsync<UnprocessableMediaException>(() =>
            _maker.MakeAsync(source, FileFormat.FromExtension(".svg")!, _work.Output, default));

        Assert.Equal("The file could not be read as an image.", error.Message);
        Assert.False(_listener.Pending(), "the renderer connected to the loopback listener");
        Assert.Equal(["in.svg"], _work.FileNames());
    }

    [Fact]
    public async Task A_png_named_svg_is_refused()
    {
        var source = ImageSamples.Write(_work.PathOf("in.png"), 10, 10);
        File.Move(source, _work.PathOf("in.svg"));

        var error = await Assert.ThrowsAsync<UnprocessableMediaException>(() =>
            _maker.MakeAsync(_work.PathOf("in.svg"), FileFormat.FromExtension(".svg")!, _work.Output, default));

        Assert.Equal("The file is not an SVG image.", error.Message);
    }
}
