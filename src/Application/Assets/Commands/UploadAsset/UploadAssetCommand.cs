using System.Buffers;
using AssetManager.Application.Common.Persistence;
using AssetManager.Application.Common.Storage;
using AssetManager.Domain.Assets;
using AssetManager.Domain.Common;
using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AssetManager.Application.Assets.Commands.UploadAsset;

/// <summary>Streams a file from the form into object storage and records it as an asset of the box.</summary>
public sealed record UploadAssetCommand(int UserId, int BoxId, IUploadForm Form) : ICommand<AssetDto>;

/// <summary>
/// Checks in the contract's order (box, file present, not empty, extension, content, size, fields), and leaves
/// nothing half-done: the object is deleted again whenever the row is not saved.
/// </summary>
internal sealed class UploadAssetHandler(
    IAppDbContext db,
    IObjectStorage storage,
    IAssetTypeDetector detector,
    UploadLimits limits,
    TimeProvider clock,
    ILogger<UploadAssetHandler> logger) : ICommandHandler<UploadAssetCommand, AssetDto>
{
    public async ValueTask<AssetDto> Handle(UploadAssetCommand command, CancellationToken cancellationToken)
    {
        var box = await db.Boxes.OwnedBy(command.UserId)
            .FirstOrDefaultAsync(b => b.Id == command.BoxId, cancellationToken) ?? throw new NotFoundException();
        var file = await command.Form.ReadFileAsync(cancellationToken)
            ?? throw new UploadRejectedException("File is required");

        var headBuffer = ArrayPool<byte>.Shared.Rent(detector.HeadLength);
        try
        {
            var headLength = await file.Content.ReadAtLeastAsync(
                headBuffer.AsMemory(0, detector.HeadLength), detector.HeadLength, throwOnEndOfStream: false, cancellationToken);
            if (headLength == 0) throw new UploadRejectedException("File is empty");
            var format = detector.Detect(file.FileName, headBuffer.AsSpan(0, headLength));
            if (command.Form.IsDeclaredTooLarge) throw new FileTooLargeException(limits.MaxFileBytes);
            var content = new LengthLimitedStream(headBuffer.AsMemory(0, headLength), file.Content, limits.MaxFileBytes);

            await RefuseEarlyFieldErrorsAsync(command.Form, content, cancellationToken);
            var stored = await storage.PutAsync(
                ObjectKeys.NewKey(format.Extension), content, format.ContentType, file.LengthAtLeast, cancellationToken);
            Asset asset;
            try
            {
                asset = await SaveAssetAsync(command.Form, box, format, stored, cancellationToken);
            }
            catch (Exception ex)
            {
                await storage.DeleteQuietlyAsync([stored.Key], logger);
                // Reading the rest of the request failed (a malformed body, a client gone): the request's fault,
                // reported as it is; anything else kept the row from being saved.
                if (ex is DomainException or OperationCanceledException or IOException or InvalidDataException) throw;
                throw new StorageFailedException("the asset could not be saved", ex);
            }
            return asset.Adapt<AssetDto>();
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

    private async Task<Asset> SaveAssetAsync(
        IUploadForm form, Domain.Boxes.Box box, FileFormat format, StoredFile stored, CancellationToken ct)
    {
        var metadata = UploadFields.Parse(await form.ReadRemainingFieldsAsync(ct));
        var aiModel = metadata.AiModelId is { } modelId
            ? await db.AiModels.FirstOrDefaultAsync(m => m.Id == modelId, ct)
              ?? throw new FieldValidationException(UploadFields.AiModel, Messages.InvalidPk(modelId.ToString()))
            : null;
        var asset = Asset.Create(box, format.AssetType, stored, metadata, aiModel, clock.GetUtcNow().UtcDateTime);
        db.Assets.Add(asset);
        await db.SaveChangesAsync(ct);
        return asset;
    }
}
