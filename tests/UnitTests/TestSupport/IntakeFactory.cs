using AssetManager.Application.Assets;
using AssetManager.Application.Assets.Intake;
using AssetManager.Application.Common.Caching;
using AssetManager.Application.Common.Jobs;
using AssetManager.Application.Common.Persistence;
using AssetManager.Application.Common.Storage;
using AssetManager.Domain.Assets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AssetManager.UnitTests.TestSupport;

/// <summary>The shared intake steps over a test context, a storage substitute and the real detector.</summary>
public static class IntakeFactory
{
    public static AssetIntake Create(
        IAppDbContext context, IAssetWriter writer, RecentBoxes recentBoxes, IObjectStorage storage, IBackgroundJobs jobs,
        UploadOptions? options = null) =>
        new(context, writer, recentBoxes, storage, jobs, new AssetTypeDetector(), Options.Create(options ?? new UploadOptions()),
            new FixedClock(), NullLogger<AssetIntake>.Instance);
}
