using AssetManager.Application.Common.Media;
using AssetManager.Infrastructure.Media;
using Microsoft.Extensions.Options;

namespace AssetManager.UnitTests.Infrastructure.Media;

/// <summary>A folder of its own for one test: its inputs, the two outputs, and a rendition maker built on real tools.</summary>
public sealed class MediaWorkspace : IDisposable
{
    public MediaWorkspace() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "am-media-" + Guid.NewGuid().ToString("N"));

    public RenditionFiles Output => new(Path.Combine(Root, "thumb.webp"), Path.Combine(Root, "preview.webp"));

    public string PathOf(string name) => Path.Combine(Root, name);

    public void Dispose() => Directory.Delete(Root, recursive: true);

    /// <summary>The names of the files in the folder, sorted (to show that nothing else was left there).</summary>
    public string[] FileNames() => Directory.GetFileSystemEntries(Root).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    internal static IRenditionMaker Maker(MediaOptions? options = null)
    {
        var wrapped = Options.Create(options ?? new MediaOptions());
        var images = new VipsImageRenderer(wrapped);
        return new RenditionMaker(images, new FfmpegVideoRenderer(wrapped, images));
    }
}
