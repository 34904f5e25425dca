using AssetManager.Application.Common.Media;
using AssetManager.Infrastructure.Media;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AssetManager.UnitTests.Infrastructure.Media;

public sealed class MediaRegistrationTests
{
    private static ServiceProvider Provider(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddMedia().BuildServiceProvider();
    }

    [Fact]
    public void Defaults_apply_without_a_media_section()
    {
        using var provider = Provider();

        var options = provider.GetRequiredService<IOptions<MediaOptions>>().Value;

        Assert.Equal(100_000_000, options.MaxPixels);
        Assert.Equal(TimeSpan.FromSeconds(120), options.TimeLimit);
        Assert.Equal("ffmpeg", options.FfmpegPath);
        Assert.Equal("ffprobe", options.FfprobePath);
        Assert.True(options.ToolsAtLowPriority);
        Assert.IsType<RenditionMaker>(provider.GetRequiredService<IRenditionMaker>());
    }

    [Fact]
    public void The_media_section_is_bound()
    {
        using var provider = Provider(("Media:MaxPixels", "5000"), ("Media:TimeLimitSeconds", "7"),
            ("Media:FfmpegPath", "/opt/ffmpeg"), ("Media:FfprobePath", "/opt/ffprobe"), ("Media:ToolsAtLowPriority", "false"));

        var options = provider.GetRequiredService<IOptions<MediaOptions>>().Value;

        Assert.Equal((5000, 7, "/opt/ffmpeg", "/opt/ffprobe", false),
            (options.MaxPixels, options.TimeLimitSeconds, options.FfmpegPath, options.FfprobePath, options.ToolsAtLowPriority));
    }

    [Theory]
    [InlineData("Media:MaxPixels", "0")]
    [InlineData("Media:TimeLimitSeconds", "0")]
    [InlineData("Media:FfmpegPath", "")]
    [InlineData("Media:FfprobePath", "")]
    public void Invalid_settings_are_refused(string key, string value)
    {
        using var provider = Provider((key, value));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MediaOptions>>().Value);

        Assert.Contains(key.Split(':')[1], error.Message);
    }
}
