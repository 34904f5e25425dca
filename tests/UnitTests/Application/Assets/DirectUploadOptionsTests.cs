using AssetManager.Application.Assets;
using AssetManager.Domain.Assets;
using AssetManager.UnitTests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AssetManager.UnitTests.Application.Assets;

public sealed class DirectUploadOptionsTests
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public void Defaults_are_the_issues()
    {
        var options = Settings.Bind<UploadOptions>();

        Assert.Equal(100, options.MaxBatchFiles);
        Assert.Equal(64 * MiB, options.DirectMultipartThresholdBytes);
        Assert.Equal(16 * MiB, options.DirectPartSizeBytes);
        Assert.Equal(900, options.DirectUploadLifetimeSeconds);
    }

    [Theory]
    [InlineData(64 * MiB, 16 * MiB)]
    [InlineData(2L * 1024 * MiB, 16 * MiB)]
    [InlineData(160_000 * MiB, 16 * MiB)] // exactly 10,000 parts
    [InlineData(160_001 * MiB, 17 * MiB)] // one more: the parts grow, in whole MiB
    [InlineData(5L * 1024 * 1024 * MiB, 525 * MiB)] // S3's largest object
    public void Parts_are_the_configured_size_unless_the_file_would_need_more_than_10000(long size, long partSize)
    {
        var options = new UploadOptions();

        Assert.Equal(partSize, options.DirectPartSizeFor(size));
        Assert.True((size + partSize - 1) / partSize <= 10_000);
    }

    [Fact]
    public void A_part_size_over_the_threshold_stops_the_start()
    {
        using var provider = Settings.Provider(("Upload:DirectPartSizeBytes", (32 * MiB).ToString()), ("Upload:DirectMultipartThresholdBytes", (16 * MiB).ToString()));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<UploadOptions>>().Value);

        Assert.Contains("Upload:DirectPartSizeBytes", error.Message);
    }

    [Fact]
    public void A_direct_upload_lifetime_not_shorter_than_the_abandoned_age_stops_the_start()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Settings.Provider(
            ("Upload:DirectUploadLifetimeSeconds", "3600"), ("Jobs:AbandonedUploadAgeSeconds", "3600")));

        Assert.Contains("Jobs:AbandonedUploadAgeSeconds (3600) must be longer than Upload:DirectUploadLifetimeSeconds (3600)", error.Message);
    }

    [Theory]
    [InlineData("image/jpeg", ".jpg")]
    [InlineData("IMAGE/PNG", ".png")]
    [InlineData("video/quicktime; codecs=x", ".mov")]
    [InlineData("image/svg+xml", ".svg")]
    public void A_content_type_names_its_first_format(string contentType, string extension) =>
        Assert.Equal(extension, FileFormat.FromContentType(contentType)?.Extension);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("application/octet-stream")]
    [InlineData("text/html")]
    public void Other_content_types_name_none(string? contentType) => Assert.Null(FileFormat.FromContentType(contentType));
}
