using System.ComponentModel;
using AssetManager.Application.Common.Media;
using AssetManager.Domain.Assets;
using AssetManager.Infrastructure.Media;

namespace AssetManager.UnitTests.Infrastructure.Media;

/// <summary>Videos through the real ffprobe, ffmpeg and libvips; slow tools stood in for by a script.</summary>
public sealed class VideoRenditionTests(VideoFixture videos) : IClassFixture<VideoFixture>, IDisposable
{
    private readonly MediaWorkspace _work = new();
    private readonly IRenditionMaker _maker = MediaWorkspace.Maker();

    public void Dispose() => _work.Dispose();

    private Task<MediaFacts> MakeAsync(string source, IRenditionMaker? maker = null, CancellationToken cancellationToken = default) =>
        (maker ?? _maker).MakeAsync(source, FileFormat.FromExtension(Path.GetExtension(source))!, _work.Output, cancellationToken);

    [Fact]
    public async Task Facts_come_from_ffprobe_and_the_frame_makes_both_renditions()
    {
        var facts = await MakeAsync(videos.Pattern720p);

        Assert.Equal(1280, facts.Width);
        Assert.Equal(720, facts.Height);
        Assert.InRange(facts.Duration!.Value, 2.9, 3.1);
        Assert.Equal((1280, 720), WebpFile.SizeOf(_work.Output.PreviewPath)); // smaller than 2048: kept
        Assert.Equal((512, 288), WebpFile.SizeOf(_work.Output.ThumbnailPath));
        Assert.Equal(["preview.webp", "thumb.webp"], _work.FileNames());
    }

    [Fact]
    public async Task The_frame_is_taken_about_one_second_in()
    {
        await MakeAsync(videos.RedThenBlue);

        using var thumbnail = WebpFile.Load(_work.Output.ThumbnailPath);
        var colour = WebpFile.MeanColour(thumbnail, 0, 0, thumbnail.Width, thumbnail.Height);
        Assert.True(colour[2] > 200 && colour[0] < 60, $"the frame is {string.Join(", ", colour)}, not blue");
    }

    [Fact]
    public async Task A_clip_shorter_than_a_second_gives_its_first_frame()
    {
        var facts = await MakeAsync(videos.ShortRed);

        Assert.InRange(facts.Duration!.Value, 0.4, 0.6);
        using var thumbnail = WebpFile.Load(_work.Output.ThumbnailPath);
        Assert.Equal((320, 240), (thumbnail.Width, thumbnail.Height));
        var colour = WebpFile.MeanColour(thumbnail, 0, 0, thumbnail.Width, thumbnail.Height);
        Assert.True(colour[0] > 200 && colour[2] < 60, $"the frame is {string.Join(", ", colour)}, not red");
    }

    [Theory]
    [InlineData(".mp4", "libx264")]
    [InlineData(".mov", "libx264")]
    [InlineData(".avi", "mpeg4")]
    [InlineData(".mkv", "libx264")]
    [InlineData(".webm", "libvpx")]
    [InlineData(".flv", "flv")]
    [InlineData(".wmv", "wmv2")]
    public async Task Every_accepted_video_format_is_rendered(string extension, string codec)
    {
        var source = await VideoSamples.TestPatternAsync(_work.PathOf("in" + extension), 320, 240, 1.5, "-c:v", codec);

        var facts = await MakeAsync(source);

        Assert.Equal((320, 240), (facts.Width, facts.Height));
        Assert.InRange(facts.Duration!.Value, 1.3, 1.7);
        Assert.Equal((320, 240), WebpFile.SizeOf(_work.Output.PreviewPath));
        Assert.Equal((320, 240), WebpFile.SizeOf(_work.Output.ThumbnailPath));
    }

    [Fact]
    public async Task A_video_larger_than_the_preview_is_brought_down()
    {
        var source = await VideoSamples.TestPatternAsync(_work.PathOf("in.mp4"), 2560, 1440, 0.2, "-c:v", "libx264", "-preset", "ultrafast");

        var facts = await MakeAsync(source);

        Assert.Equal((2560, 1440), (facts.Width, facts.Height));
        Assert.Equal((2048, 1152), WebpFile.SizeOf(_work.Output.PreviewPath));
        Assert.Equal((512, 288), WebpFile.SizeOf(_work.Output.ThumbnailPath));
    }

    [Fact]
    public async Task A_rotated_video_is_measured_and_rendered_as_played()
    {
        var source = await VideoSamples.RotatedAsync(videos.ShortRed, _work.PathOf("in.mp4"));

        var facts = await MakeAsync(source);

        Assert.Equal((240, 320), (facts.Width, facts.Height));
        Assert.Equal((240, 320), WebpFile.SizeOf(_work.Output.PreviewPath));
    }

    [Fact]
    public async Task An_mp4_without_tracks_is_unprocessable()
    {
        var source = VideoSamples.WithoutTracks(_work.PathOf("empty.mp4"));

        var error = await Assert.ThrowsAsync<UnprocessableMediaException>(() => MakeAsync(source));

        Assert.Equal("The file has no video stream.", error.Message);
        Assert.Equal(["empty.mp4"], _work.FileNames());
    }

    [Fact]
    public async Task An_audio_only_file_is_unprocessable()
    {
        var source = await VideoSamples.AudioOnlyAsync(_work.PathOf("sound.mp4"));

        var error = await Assert.ThrowsAsync<UnprocessableMediaException>(() => MakeAsync(source));

        Assert.Equal("The file has no video stream.", error.Message);
    }

    [Fact]
    public async Task A_truncated_video_is_unprocessable_and_the_reason_names_no_server_path()
    {
        var bytes = await File.ReadAllBytesAsync(videos.Pattern720p);
        var source = _work.PathOf("cut.mp4");
        await File.WriteAllBytesAsync(source, bytes[..4096]);

        var error = await Assert.ThrowsAsync<UnprocessableMediaException>(() => MakeAsync(source));

        Assert.Equal("The file could not be read: Invalid data found when processing input", error.Message);
        Assert.Equal(["cut.mp4"], _work.FileNames());
    }

    [Fact]
    public async Task A_playlist_disguised_as_mp4_is_not_followed_to_another_file()
    {
        var source = VideoSamples.PlaylistPointingAt(_work.PathOf("playlist.mp4"), videos.Pattern720p);

        var error = await Assert.ThrowsAsync<UnprocessableMediaException>(() => MakeAsync(source));

        Assert.StartsWith("The file could not be read", error.Message);
        Assert.Equal(["playlist.mp4"], _work.FileNames());
    }

    [Fact]
    public async Task A_video_over_the_pixel_limit_is_refused_before_decoding()
    {
        var maker = MediaWorkspace.Maker(new MediaOptions { MaxPixels = 1280 * 720 - 1 });

        var error = await Assert.ThrowsAsync<UnprocessableMediaException>(() => MakeAsync(videos.Pattern720p, maker));

        Assert.Equal("The file is 1280 x 720 pixels, over the pixel limit of 921,599 pixels.", error.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_tool_that_runs_too_long_is_killed_with_its_children_at_the_time_limit(bool slowProbe)
    {
        var pidFile = _work.PathOf("pids");
        var slowTool = VideoSamples.SlowTool(_work.PathOf("slow-tool"), pidFile);
        var options = slowProbe ? new MediaOptions { FfprobePath = slowTool } : new MediaOptions { FfmpegPath = slowTool };
        options.TimeLimitSeconds = 1;
        // the real tool beside the slow one must finish within that second: at the normal priority, on a busy machine too
        options.ToolsAtLowPriority = false;

        var error = await Assert.ThrowsAsync<UnprocessableMediaException>(() => MakeAsync(videos.Pattern720p, MediaWorkspace.Maker(options)));

        Assert.Equal("The file took longer than the time limit of 1 s to " + (slowProbe ? "read (slow-tool)." : "decode (slow-tool)."), error.Message);
        await ProcessesAssert.AllEndAsync(pidFile);
        Assert.Equal(["pids", "slow-tool"], _work.FileNames());
    }

    [Fact]
    public async Task Cancellation_kills_the_running_tool_and_its_children()
    {
        var pidFile = _work.PathOf("pids");
        var maker = MediaWorkspace.Maker(new MediaOptions { FfmpegPath = VideoSamples.SlowTool(_work.PathOf("slow-tool"), pidFile) });
        using var cancellation = new CancellationTokenSource();

        var making = MakeAsync(videos.Pattern720p, maker, cancellation.Token);
        await ProcessesAssert.StartedAsync(pidFile, count: 2);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => making);
        await ProcessesAssert.AllEndAsync(pidFile);
        Assert.Equal(["pids", "slow-tool"], _work.FileNames());
    }

    [Fact]
    public async Task A_tool_that_cannot_be_started_is_not_the_files_fault()
    {
        var maker = MediaWorkspace.Maker(new MediaOptions { FfprobePath = _work.PathOf("no-such-ffprobe") });

        await Assert.ThrowsAsync<Win32Exception>(() => MakeAsync(videos.Pattern720p, maker));
    }
}
