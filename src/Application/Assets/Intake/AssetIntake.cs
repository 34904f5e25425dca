using System.Buffers;
using AssetManager.Application.Common.Caching;
using AssetManager.Application.Common.Jobs;
using AssetManager.Application.Common.Persistence;
using AssetManager.Application.Common.Storage;
using AssetManager.Domain.Assets;
using AssetManager.Domain.Common;
using Mapster;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AssetManager.Application.Assets.Intake;

/// <summary>
/// What every way a file comes in shares (the upload, each file of a batch, an import, a finished direct upload), in
/// the contract's order: the box is the caller's; the file is not empty, its extension is accepted and its leading
/// bytes agree; it streams into the store under a new key within the size limit, hashed on the way; its row is
/// written, and when that fails the object is deleted again; its renditions are asked for.
/// </summary>
public sealed class AssetIntake(
    IAppDbContext db,
    IAssetWriter writer,
    RecentBoxes recentBoxes,
    IObjectStorage storage,
    IBackgroundJobs jobs,
    IAssetTypeDetector detector,
    IOptions<UploadOptions> options,
    TimeProvider clock,
    ILogger<AssetIntake> logger)
{
    public long MaxFileBytes => options.Value.MaxFileBytes;

    /// <summary>The box when it is the user's, from memory when this process read it lately (ADR 5), else from the database.</summary>
    public async Task<IntakeBox?> OwnedBoxAsync(int userId, int boxId, CancellationToken ct)
    {
        if (recentBoxes.TryGetOwned(boxId, userId, out var remembered)) return new IntakeBox(userId, boxId, remembered);
        var name = await db.Boxes.AsNoTracking().OwnedBy(userId)
            .Where(b => b.Id == boxId).Select(b => b.Name).FirstOrDefaultAsync(ct);
        if (name is null) return null;
        recentBoxes.Remember(boxId, new RecentBoxes.Box(userId, name));
        return new IntakeBox(userId, boxId, name);
    }

    /// <summary>
    /// Reads the file's leading bytes and checks them: empty, an extension not accepted, or content that contradicts it
    /// is an <see cref="UploadRejectedException"/>. The rest of the file is read through the returned file's content.
    /// </summary>
    public async Task<IncomingFile> OpenAsync(string fileName, Stream source, CancellationToken ct)
    {
        var head = ArrayPool<byte>.Shared.Rent(detector.HeadLength);
        try
        {
            var length = await source.ReadAtLeastAsync(head.AsMemory(0, detector.HeadLength), detector.HeadLength, throwOnEndOfStream: false, ct);
            if (length == 0) throw new UploadRejectedException("File is empty");
            var format = detector.Detect(fileName, head.AsSpan(0, length));
            return new IncomingFile(fileName, format, head, length, source, MaxFileBytes);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(head);
            throw;
        }
    }

    /// <summary>
    /// Streams the file into the store under a new key; on any failure the store keeps nothing. The stored file carries
    /// the size and SHA-256 worked out on the way.
    /// </summary>
    /// <param name="lengthAtLeast">What the source vouches for (<see cref="IObjectStorage.PutAsync"/>), 0 when nothing.</param>
    public async Task<StoredFile> StoreAsync(IncomingFile file, long lengthAtLeast, CancellationToken ct)
    {
        var stored = await storage.PutAsync(
            ObjectKeys.NewKey(file.Format.Extension), file.Content, file.Format.ContentType, lengthAtLeast, ct);
        return stored with { Size = file.BytesRead, Sha256 = file.Sha256Hex() };
    }

    /// <summary>
    /// Writes the asset's row for an object already stored, and asks for its renditions. The metadata is read first
    /// (for an upload, the form's fields after the file). When anything fails the object is deleted again: errors of
    /// the request (a field, a body cut short, the box deleted meanwhile: 404) are thrown as they are, any other as a
    /// <see cref="StorageFailedException"/>.
    /// </summary>
    public async Task<AssetDto> RecordAsync(
        IntakeBox box, FileFormat format, StoredFile stored, Func<CancellationToken, ValueTask<AssetMetadata>> metadata,
        CancellationToken ct)
    {
        Asset asset;
        try
        {
            asset = await SaveAsync(box, format, stored, await metadata(ct), ct);
        }
        catch (Exception ex)
        {
            await storage.DeleteQuietlyAsync([stored.Key], logger);
            if (ex is DomainException or OperationCanceledException or IOException or InvalidDataException) throw;
            throw new StorageFailedException("the asset could not be saved", ex);
        }
        jobs.RequestRenditions(asset.Id);
        return asset.Adapt<AssetDto>() with { BoxName = box.Name };
    }

    private async Task<Asset> SaveAsync(IntakeBox box, FileFormat format, StoredFile stored, AssetMetadata metadata, CancellationToken ct)
    {
        var aiModel = metadata.AiModelId is { } modelId
            ? await db.AiModels.FindAsync([modelId], ct) ?? throw InvalidAiModel(modelId)
            : null;
        var asset = Asset.Create(box.Id, format.AssetType, stored, metadata, aiModel, clock.GetUtcNow().UtcDateTime);
        try
        {
            await writer.AddAsync(asset, ct);
        }
        catch (MissingReferenceException)
        {
            // Deleted since it was read: the box (perhaps by another instance, while remembered here), else the AI model.
            recentBoxes.Revoke(box.Id);
            if (await OwnedBoxAsync(box.UserId, box.Id, ct) is null) throw new NotFoundException();
            if (metadata.AiModelId is { } gone) throw InvalidAiModel(gone);
            throw;
        }
        return asset;
    }

    private static FieldValidationException InvalidAiModel(int modelId) =>
        new(UploadFields.AiModel, Messages.InvalidPk(modelId.ToString()));
}
