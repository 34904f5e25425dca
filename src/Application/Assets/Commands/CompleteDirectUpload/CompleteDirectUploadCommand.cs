using AssetManager.Application.Assets.Intake;
using AssetManager.Application.Common.Persistence;
using AssetManager.Application.Common.Storage;
using AssetManager.Domain.Assets;
using AssetManager.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AssetManager.Application.Assets.Commands.CompleteDirectUpload;

/// <summary>
/// Turns a finished direct upload into an asset of the box. <paramref name="Parts"/> are the client's (part number
/// and ETag) for a multipart upload; without them every part the store holds is used.
/// </summary>
public sealed record CompleteDirectUploadCommand(
    int UserId, int BoxId, string? UploadId, IReadOnlyList<StoredPart>? Parts, AssetMetadata Metadata) : ICommand<AssetDto>, IAssetFields;

/// <summary>
/// Claims the upload first (one completion wins; someone else's, a used or an expired upload id is a 404 and changes
/// nothing), completes the multipart upload if there is one, then checks the object: the announced size, the headers
/// its URL was signed with, leading bytes that agree with the extension. A mismatch deletes the object and uses the
/// upload up (400). Nothing uploaded yet, parts the store does not recognise or a store failure leave the upload usable.
/// The object is made public only once checked; its checksum is read by the renditions job.
/// </summary>
internal sealed class CompleteDirectUploadHandler(
    AssetIntake intake,
    IAppDbContext db,
    IDirectUploadStorage store,
    IObjectStorage storage,
    IAssetTypeDetector detector,
    TimeProvider clock,
    ILogger<CompleteDirectUploadHandler> logger) : ICommandHandler<CompleteDirectUploadCommand, AssetDto>
{
    public const string NotUploadedYet = "The file has not been uploaded yet";
    public const string HeadersDiffer = "The stored file was not sent with the headers its upload was given";

    public async ValueTask<AssetDto> Handle(CompleteDirectUploadCommand command, CancellationToken cancellationToken)
    {
        if (!store.IsAvailable) throw new UploadRejectedException(DirectUploads.NeedsS3);
        var box = await intake.OwnedBoxAsync(command.UserId, command.BoxId, cancellationToken) ?? throw new NotFoundException();
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.DirectUploads.Usable(command.UserId, command.BoxId, command.UploadId!, now)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.ClaimedAt, now), cancellationToken);
        if (claimed == 0) throw new NotFoundException();
        var upload = await db.DirectUploads.AsNoTracking().FirstAsync(u => u.Id == command.UploadId, cancellationToken);

        var stored = await CheckAndPublishAsync(upload, command.Parts, cancellationToken);
        var format = FileFormat.FromExtension(FileFormat.ExtensionOf(upload.FileName))!;
        var asset = await intake.RecordAsync(box, format, stored, _ => ValueTask.FromResult(command.Metadata), cancellationToken);
        // the asset holds the object now; the row is not needed to answer a second completion (an unknown id is a 404 too)
        await db.DirectUploads.Where(u => u.Id == upload.Id).ExecuteDeleteAsync(CancellationToken.None);
        return asset;
    }

    private async Task<StoredFile> CheckAndPublishAsync(DirectUpload upload, IReadOnlyList<StoredPart>? parts, CancellationToken ct)
    {
        StoredObject found;
        try
        {
            if (upload.MultipartUploadId is { } multipartId)
                await CompleteMultipartAsync(upload, multipartId, parts, ct);
            found = await store.DescribeAsync(upload.FileKey, upload.ContentType, detector.HeadLength, ct)
                ?? throw new UploadRejectedException(NotUploadedYet);
        }
        catch (Exception ex) when (ex is DomainException or OperationCanceledException)
        {
            await ReleaseAsync(upload);
            throw;
        }

        try
        {
            if (found.Size != upload.Size)
                throw new UploadRejectedException($"The stored file has {found.Size} bytes, not the {upload.Size} announced");
            if (!found.HasServiceHeaders) throw new UploadRejectedException(HeadersDiffer);
            detector.Detect(upload.FileName, found.Head);
        }
        catch (UploadRejectedException)
        {
            await storage.DeleteQuietlyAsync([upload.FileKey], logger);
            throw;
        }

        try
        {
            return await store.PublishAsync(upload.FileKey, ct) with { Size = upload.Size };
        }
        catch (Exception ex) when (ex is DomainException or OperationCanceledException)
        {
            await ReleaseAsync(upload);
            throw;
        }
    }

    /// <summary>
    /// Completes the multipart upload once its parts add up to the announced size: completed early (a part still on its
    /// way), the store would make a shorter object, which the size check would then delete with the upload's parts.
    /// </summary>
    private async Task CompleteMultipartAsync(DirectUpload upload, string multipartId, IReadOnlyList<StoredPart>? parts, CancellationToken ct)
    {
        var held = await store.ListPartsAsync(upload.FileKey, multipartId, ct);
        var chosen = parts is null ? held : held.Where(h => parts.Any(p => p.PartNumber == h.PartNumber)).ToList();
        if (chosen.Count > 0 && chosen.Sum(p => p.Size) < upload.Size) throw new UploadRejectedException(NotUploadedYet);
        await store.CompleteMultipartAsync(upload.FileKey, multipartId, parts ?? held, ct);
    }

    /// <summary>The completion did not get far enough to use the upload up: its owner may complete it again.</summary>
    private async Task ReleaseAsync(DirectUpload upload) =>
        await db.DirectUploads.Where(u => u.Id == upload.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.ClaimedAt, (DateTime?)null), CancellationToken.None);
}
