namespace AssetManager.UnitTests.Infrastructure.Media;

/// <summary>The videos the video tests share, made once: each test writes its renditions to its own folder.</summary>
public sealed class VideoFixture : IAsyncLifetime
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "am-media-videos-" + Guid.NewGuid().ToString("N"));

    /// <summary>3 s of the test pattern, 1280 x 720, H.264 in MP4.</summary>
    public string Pattern720p => Path.Combine(Root, "pattern.mp4");

    /// <summary>Red for 0.8 s then blue, 3 s in all.</summary>
    public string RedThenBlue => Path.Combine(Root, "red-then-blue.mp4");

    /// <summary>0.5 s of red: shorter than the 1 s at which the frame is taken.</summary>
    public string ShortRed => Path.Combine(Root, "short-red.mp4");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        await Task.WhenAll(
            VideoSamples.TestPatternAsync(Pattern720p, 1280, 720, 3, "-c:v", "libx264", "-preset", "ultrafast"),
            VideoSamples.RedThenBlueAsync(RedThenBlue, 3),
            VideoSamples.SolidAsync(ShortRed, "red", 0.5));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }
}
