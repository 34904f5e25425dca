using AssetManager.Application.Assets.Commands.MakeRenditions;
using AssetManager.Application.Common.Media;
using AssetManager.Domain.Assets;
using AssetManager.UnitTests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using NSubstitute.Extensions;

namespace AssetManager.UnitTests.Application.Assets;

/// <summary>The renditions job's one pass over an asset: what it writes, and what it leaves when things go wrong.</summary>
public sealed class MakeRenditionsHandlerTests : HandlerTestBase
{
    private readonly IRenditionMaker _renditions = Substitute.For<IRenditionMaker>();
    private Asset _asset = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _asset = await _db.AddAssetAsync(_w.AliceBox, "uploads/0123456789abcdef0123456789abcdef.png");
        _storage.PutAsync(default!, default!, default!, default, default).ReturnsForAnyArgs(call =>
            Task.FromResult(new StoredFile(call.ArgAt<string>(0), "https://bucket.example.com/" + call.ArgAt<string>(0))));
        _renditions.MakeAsync(default!, default!, default!, default).ReturnsForAnyArgs(call =>
        {
            var files = call.ArgAt<RenditionFiles>(2);
            File.WriteAllBytes(files.ThumbnailPath, [1]);
            File.WriteAllBytes(files.PreviewPath, [2]);
            return Task.FromResult(new MediaFacts(640, 480, null));
        });
    }

    private Task<ProcessingState?> RunAsync() =>
        new MakeRenditionsHandler(_db.NewContext(), _storage, _renditions, NullLogger<MakeRenditionsHandler>.Instance)
            .Handle(new MakeRenditionsCommand(_asset.Id), CancellationToken.None).AsTask();

    [Fact]
    public async Task A_pending_asset_gets_its_renditions_named_after_it_and_its_facts()
    {
        Assert.Equal(ProcessingState.Ready, await RunAsync());

        var asset = await _db.NewContext().Assets.SingleAsync(a => a.Id == _asset.Id);
        Assert.Equal("thumbnails/0123456789abcdef0123456789abcdef.webp", asset.ThumbnailKey);
        Assert.Equal("previews/0123456789abcdef0123456789abcdef.webp", asset.PreviewKey);
        Assert.Equal((640, 480), (asset.Width, asset.Height));
        Assert.Equal(64, asset.ChecksumSha256!.Length); // read while downloading: the test asset had none
    }

    [Fact]
    public async Task An_asset_deleted_while_its_renditions_were_made_leaves_none_behind()
    {
        _renditions.Configure().MakeAsync(default!, default!, default!, default).ReturnsForAnyArgs(async call =>
        {
            var files = call.ArgAt<RenditionFiles>(2);
            File.WriteAllBytes(files.ThumbnailPath, [1]);
            File.WriteAllBytes(files.PreviewPath, [2]);
            await using var other = _db.NewContext(); // another request deletes it meanwhile
            other.Assets.Remove(await other.Assets.SingleAsync(a => a.Id == _asset.Id));
            await other.SaveChangesAsync();
            return new MediaFacts(640, 480, null);
        });

        Assert.Null(await RunAsync());

        // once before writing (a leftover of an earlier run), once after the row was found gone: written, then deleted
        var calls = _storage.ReceivedCalls().Select(c => (c.GetMethodInfo().Name, Key: c.GetArguments()[0] as string)).ToList();
        foreach (var key in new[] { "thumbnails/0123456789abcdef0123456789abcdef.webp", "previews/0123456789abcdef0123456789abcdef.webp" })
            Assert.True(calls.FindLastIndex(c => c == ("DeleteAsync", key)) > calls.FindIndex(c => c == ("PutAsync", key)), key);
    }

    [Fact]
    public async Task A_file_that_cannot_be_processed_fails_the_asset_at_once_with_the_reason()
    {
        _renditions.Configure().MakeAsync(default!, default!, default!, default)
            .ReturnsForAnyArgs<Task<MediaFacts>>(_ => throw new UnprocessableMediaException("The file could not be read as an image."));

        Assert.Equal(ProcessingState.Failed, await RunAsync());

        var asset = await _db.NewContext().Assets.SingleAsync(a => a.Id == _asset.Id);
        Assert.Equal("The file could not be read as an image.", asset.ProcessingError);
        await _storage.DidNotReceiveWithAnyArgs().PutAsync(default!, default!, default!, default, default);
    }

    [Fact]
    public async Task Any_other_failure_is_thrown_for_the_engine_to_retry_and_the_asset_stays_pending()
    {
        _storage.Configure().PutAsync(default!, default!, default!, default, default)
            .ReturnsForAnyArgs<Task<StoredFile>>(_ => throw new IOException("connection refused"));

        await Assert.ThrowsAsync<IOException>(RunAsync);

        Assert.Equal(ProcessingState.Pending, (await _db.NewContext().Assets.SingleAsync(a => a.Id == _asset.Id)).Processing);
        Assert.Empty(Directory.EnumerateDirectories(Path.GetTempPath(), Renditions.ScratchPrefix + "*")
            .Where(d => Directory.GetCreationTimeUtc(d) > DateTime.UtcNow.AddSeconds(-30) && Directory.EnumerateFiles(d).Any(f => f.EndsWith("thumbnail.webp"))));
    }

    [Fact]
    public async Task An_asset_no_longer_pending_is_left_alone()
    {
        await RunAsync();
        _renditions.ClearReceivedCalls();

        Assert.Equal(ProcessingState.Ready, await RunAsync());

        await _renditions.DidNotReceiveWithAnyArgs().MakeAsync(default!, default!, default!, default);
    }
}
