using AssetManager.Application.Assets.Intake;
using AssetManager.Application.Common.Persistence;
using AssetManager.Application.Common.Storage;
using AssetManager.Domain.Assets;
using AssetManager.Domain.Common;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AssetManager.Application.Assets.Commands.CreateDirectUpload;

/// <summary>
/// Hands out presigned URLs for a file the client sends to the store itself. <paramref name="ContentType"/> is taken
/// and ignored: the stored object's type comes from the extension, as for every upload.
/// </summary>
public sealed record CreateDirectUploadCommand(int UserId, int BoxId, string? Filename, long? Size, string? ContentType)
    : ICommand<DirectUploadTarget>;

/// <summary>
/// The upload's checks that need no bytes (not empty, extension, size limit) before anything is signed; a key chosen
/// as for a normal upload; a single PUT below the multipart threshold, else a multipart upload started on the store
/// with every part presigned. The pending upload is recorded so that any instance can complete it.
/// </summary>
internal sealed class CreateDirectUploadHandler(
    AssetIntake intake,
    IAppDbContext db,
    IDirectUploadStorage store,
    IAssetTypeDetector detector,
    IOptions<UploadOptions> options,
    TimeProvider clock,
    ILogger<CreateDirectUploadHandler> logger) : ICommandHandler<CreateDirectUploadCommand, DirectUploadTarget>
{
    public async ValueTask<DirectUploadTarget> Handle(CreateDirectUploadCommand command, CancellationToken cancellationToken)
    {
        if (!store.IsAvailable) throw new UploadRejectedException(DirectUploads.NeedsS3);
        var box = await intake.OwnedBoxAsync(command.UserId, command.BoxId, cancellationToken) ?? throw new NotFoundException();
        var (fileName, size) = (command.Filename!, command.Size!.Value);
        if (size == 0) throw new UploadRejectedException("File is empty");
        var format = detector.FromFileName(fileName)
            ?? throw new UploadRejectedException(AssetTypeDetector.Unsupported(FileFormat.ExtensionOf(fileName)));
        var o = options.Value;
        if (size > o.MaxFileBytes) throw new FileTooLargeException(o.MaxFileBytes);

        var key = ObjectKeys.NewKey(format.Extension);
        var now = clock.GetUtcNow().UtcDateTime;
        var lifetime = TimeSpan.FromSeconds(o.DirectUploadLifetimeSeconds);
        if (size < o.DirectMultipartThresholdBytes)
        {
            var single = DirectUpload.Start(box.UserId, box.Id, key, fileName, format, size, now, lifetime);
            var put = await store.PresignPutAsync(key, format.ContentType, size, single.ExpiresAt);
            await SaveAsync(single, cancellationToken);
            return DirectUploadTarget.Single(single.Id, put, single.ExpiresAt);
        }

        var multipartId = await store.StartMultipartAsync(key, format.ContentType, cancellationToken);
        try
        {
            var upload = DirectUpload.Start(box.UserId, box.Id, key, fileName, format, size, now, lifetime, multipartId, o.DirectPartSizeFor(size));
            var parts = new List<PresignedPart>(upload.PartCount);
            for (var number = 1; number <= upload.PartCount; number++)
                parts.Add(new PresignedPart(number, await store.PresignPartAsync(key, multipartId, number, upload.PartSizeOf(number), upload.ExpiresAt)));
            await SaveAsync(upload, cancellationToken);
            return DirectUploadTarget.InParts(upload.Id, upload.PartSize!.Value, parts, upload.ExpiresAt);
        }
        catch
        {
            await AbortQuietlyAsync(key, multipartId);
            throw;
        }
    }

    private async Task SaveAsync(DirectUpload upload, CancellationToken ct)
    {
        db.DirectUploads.Add(upload);
        await db.SaveChangesAsync(ct);
    }

    private async Task AbortQuietlyAsync(string key, string multipartId)
    {
        try
        {
            await store.AbortMultipartAsync(key, multipartId, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not abort the multipart upload of {Key}; the maintenance job will", key);
        }
    }
}
