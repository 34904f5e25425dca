using System.Text;
using AssetManager.Infrastructure.Media;

namespace AssetManager.UnitTests.Infrastructure.Media;

/// <summary>Reading ffprobe's JSON, with the shapes it takes that generated videos do not all show.</summary>
public sealed class ProbedVideoTests
{
    private static ProbedVideo? Read(string json) => ProbedVideo.FromJson(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Cover_art_and_audio_are_passed_over_for_the_first_real_video_stream()
    {
        var video = Read("""
            {"streams": [
              {"index": 0, "codec_type": "audio", "duration": "9.5"},
              {"index": 1, "codec_type": "video", "width": 600, "height": 600, "disposition": {"attached_pic": 1}},
              {"index": 2, "codec_type": "video", "width": 1920, "height": 1080, "disposition": {"attached_pic": 0}}
            ], "format": {"duration": "10.250000"}}
            """);

        Assert.Equal(new ProbedVideo(2, 1920, 1080, 0, 10.25), video);
    }

    [Theory]
    [InlineData("""{"side_data_list": [{"rotation": -90}]}""", 1080, 1920)]
    [InlineData("""{"side_data_list": [{"rotation": 180}]}""", 1920, 1080)]
    [InlineData("""{"side_data_list": [{"rotation": 270}]}""", 1080, 1920)]
    [InlineData("""{"tags": {"rotate": "90"}}""", 1080, 1920)]
    [InlineData("""{"tags": {}}""", 1920, 1080)]
    public void A_quarter_turn_swaps_the_displayed_sides(string extra, int displayWidth, int displayHeight)
    {
        var stream = """{"index": 0, "codec_type": "video", "width": 1920, "height": 1080, """ + extra.TrimStart('{');

        var video = Read($$"""{"streams": [{{stream}}]}""")!;

        Assert.Equal((displayWidth, displayHeight), (video.DisplayWidth, video.DisplayHeight));
    }

    [Fact]
    public void The_duration_falls_back_to_the_stream_and_is_null_when_nobody_knows()
    {
        Assert.Equal(4.0, Read("""{"streams": [{"codec_type": "video", "width": 2, "height": 2, "duration": "4.000"}], "format": {}}""")!.Duration);
        Assert.Null(Read("""{"streams": [{"codec_type": "video", "width": 2, "height": 2, "duration": "N/A"}], "format": {"duration": "N/A"}}""")!.Duration);
    }

    [Theory]
    [InlineData("""{"streams": []}""")]
    [InlineData("""{"streams": [{"codec_type": "audio"}]}""")]
    [InlineData("""{}""")]
    public void No_video_stream_is_null(string json) => Assert.Null(Read(json));
}
