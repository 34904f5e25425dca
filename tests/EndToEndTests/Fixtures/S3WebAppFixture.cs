using Amazon.S3;

namespace AssetManager.EndToEndTests.Fixtures;

/// <summary>
/// The web app on a service that keeps its files in a bucket of a real <c>moto_server</c>, on another port than the
/// service: another origin, so the browser's direct uploads are cross-origin and go through the bucket's CORS rule,
/// which the service sets at start-up. Direct uploads are offered as one PUT below 10 MiB and in parts of 5 MiB from
/// there on.
/// </summary>
public sealed class S3WebAppFixture : WebAppFixture
{
    public const int MiB = 1024 * 1024;
    public const int MultipartThresholdBytes = 10 * MiB;
    public const int PartSizeBytes = 5 * MiB;

    public MotoServer Moto { get; } = new();

    public string Bucket { get; } = "e2e-" + Guid.NewGuid().ToString("N")[..16];

    public IAmazonS3 S3 { get; private set; } = null!;

    protected override async Task<WebAppServer> StartServerAsync()
    {
        await Moto.StartAsync();
        S3 = Moto.CreateClient();
        await S3.PutBucketAsync(Bucket);
        var settings = Moto.SettingsFor(Bucket);
        settings["Upload:DirectMultipartThresholdBytes"] = MultipartThresholdBytes.ToString();
        settings["Upload:DirectPartSizeBytes"] = PartSizeBytes.ToString();
        return new WebAppServer(settings);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        S3?.Dispose();
        await Moto.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class S3WebAppCollection : ICollectionFixture<S3WebAppFixture>
{
    public const string Name = "Web app on S3 in Chromium";
}
