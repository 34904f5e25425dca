using System.Buffers;
using AssetManager.Application.Common.Caching;
using AssetManager.Application.Common.Jobs;
using AssetManager.Application.Common.Persistence;
using AssetManager.Application.Common.Storage;
using AssetManager.Domain.Assets;
using AssetManager.Domain.Common;
using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AssetManager.Application.Assets.Commands.UploadAsset;

/// <summary>Streams a file from the form into object storage and records it as an asset of the box.</summary>
public sealed record UploadAssetCommand(int UserId, int BoxId, IUploadForm Form) : ICommand<AssetDto>;

/// <summary>
/// Checks in the contract's order (box, file present, not empty, extension, content, size, fields), and leaves
/// nothing half-done: the object is deleted again whenever the row is not saved.
/// </summary>
internal sealed class UploadAssetHandler(
    IAppDbContext db,
    IAssetWriter writer,
    RecentBoxes recentBoxes,
    IObjectStorage storage,
    IBackgroundJobs jobs,
    IAssetTypeDetector detector,
    IOptions<UploadOptions> options,
    TimeProvider clock,
    ILogger<UploadAssetHandler> logger) : ICommandHandler<UploadAssetCommand, AssetDto>
{
    public async ValueTask<AssetDto> Handle(UploadAssetCommand command, CancellationToken cancellationToken)
    {
        var boxName = await OwnedBoxNameAsync(command.UserId, command.BoxId, cancellationToken) ?? throw new NotFoundException();
        var file = await command.Form.ReadFileAsync(cancellationToken)
            ?? throw new UploadRejectedException("File is required");

        var headBuffer = ArrayPool<byte>.Shared.Rent(detector.HeadLength);
        try
        {
            var headLength = await file.Content.ReadAtLeastAsync(
                headBuffer.AsMemory(0, detector.HeadLength), detector.HeadLength, throwOnEndOfStream: false, cancellationToken);
            if (headLength == 0) throw new UploadRejectedException("File is empty");
            var format = detector.Detect(file.FileName, headBuffer.AsSpan(0, headLength));
            if (command.Form.IsDeclaredTooLarge) throw new FileTooLargeException(options.Value.MaxFileBytes);
            await using var content = new Sha256Stream(
                new LengthLimitedStream(headBuffer.AsMemory(0, headLength), file.Content, options.Value.MaxFileBytes));

            await RefuseEarlyFieldErrorsAsync(command.Form, content, cancellationToken);
            var stored = await storage.PutAsync(
                ObjectKeys.NewKey(format.Extension), content, format.ContentType, file.LengthAtLeast, cancellationToken);
            stored = stored with { Size = content.BytesRead, Sha256 = content.Hex() };
            Asset asset;
            try
            {
                asset = await SaveAssetAsync(command, format, stored, cancellationToken);
            }
            catch (Exception ex)
            {
                await storage.DeleteQuietlyAsync([stored.Key], logger);
                // Reading the rest of the request failed (a malformed body, a client gone): the request's fault,
                // reported as it is; anything else kept the row from being saved.
                if (ex is DomainException or OperationCanceledException or IOException or InvalidDataException) throw;
                throw new StorageFailedException("the asset could not be saved", ex);
            }
            jobs.RequestRenditions(asset.Id);
            return asset.Adapt<AssetDto>() with { BoxName = boxName };
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(headBuffer);
        }
    }

    /// <summary>
    /// Fields sent before the file that are already wrong: the file is read (for the size check, which comes first)
    /// but not stored, then the field errors of the whole form are reported.
    /// </summary>
    private static async Task RefuseEarlyFieldErrorsAsync(IUploadForm form, Stream content, CancellationToken ct)
    {
        try
        {
            UploadFields.Parse(form.Fields);
        }
        catch (FieldValidationException)
        {
            await content.CopyToAsync(Stream.Null, ct);
            // As a DRF serializer does, report every field's errors, those sent after the file too.
            UploadFields.Parse(await form.ReadRemainingFieldsAsync(ct));
            throw;
        }
    }

    /// <summary>From memory when this process read the box lately (ADR 5), else from the database.</summary>
    private async Task<string?> OwnedBoxNameAsync(int userId, int boxId, CancellationToken ct)
    {
        if (recentBoxes.TryGetOwned(boxId, userId, out var remembered)) return remembered;
        var name = await db.Boxes.AsNoTracking().OwnedBy(userId)
            .Where(b => b.Id == boxId).Select(b => b.Name).FirstOrDefaultAsync(ct);
        if (name is not null) recentBoxes.Remember(boxId, new RecentBoxes.Box(userId, name));
        return name;
    }

    private async Task<Asset> SaveAssetAsync(UploadAssetCommand command, FileFormat format, StoredFile stored, CancellationToken ct)
    {
        var metadata = UploadFields.Parse(await command.Form.ReadRemainingFieldsAsync(ct));
        var aiModel = metadata.AiModelId is { } modelId
            ? await db.AiModels.FirstOrDefaultAsync(m => m.Id == modelId, ct) ?? throw InvalidAiModel(modelId)
            : null;
        var asset = Asset.Create(command.BoxId, format.AssetType, stored, metadata, aiModel, clock.GetUtcNow().UtcDateTime);
        try
        {
            await writer.AddAsync(asset, ct);
        }
        catch (MissingReferenceException)
        {
            // Deleted since it was read: the box (perhaps by another instance, while remembered here), else the AI model.
            recentBoxes.Revoke(command.BoxId);
            if (await OwnedBoxNameAsync(command.UserId, command.BoxId, ct) is null) throw new NotFoundException();
            if (metadata.AiModelId is { } gone) throw InvalidAiModel(gone);
            throw;
        }
        return asset;
    }

    private static FieldValidationException InvalidAiModel(int modelId) =>
        new(UploadFields.AiModel, Messages.InvalidPk(modelId.ToString()));
}
