using AssetManager.Application.Assets.Intake;
using AssetManager.Application.Common.Storage;
using AssetManager.Domain.Assets;
using AssetManager.Domain.Common;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AssetManager.Application.Assets.Commands.UploadBatch;

/// <summary>Streams every file of the form into object storage, each becoming an asset of the box with the form's shared fields.</summary>
public sealed record UploadBatchCommand(int UserId, int BoxId, IBatchUploadForm Form) : ICommand<BatchUploadResult>;

/// <summary>
/// Each file goes through the single upload's checks and streams into the store as it arrives, so memory stays flat
/// however many come. The shared fields may follow the files, so the rows are written once the whole form has been
/// read: a field error then deletes every stored object (400), and so does any error of the request as a whole.
/// A file refused on its own (empty, its type, its size, the store failing) is reported and leaves nothing behind.
/// </summary>
internal sealed class UploadBatchHandler(
    AssetIntake intake, IObjectStorage storage, IOptions<UploadOptions> options, ILogger<UploadBatchHandler> logger)
    : ICommandHandler<UploadBatchCommand, BatchUploadResult>
{
    private sealed record Pending(string FileName, FileFormat Format, StoredFile Stored);

    public async ValueTask<BatchUploadResult> Handle(UploadBatchCommand command, CancellationToken cancellationToken)
    {
        var box = await intake.OwnedBoxAsync(command.UserId, command.BoxId, cancellationToken) ?? throw new NotFoundException();
        var pending = new List<Pending>();
        var failed = new List<FailedFile>();
        AssetMetadata metadata;
        try
        {
            await StoreFilesAsync(command.Form, pending, failed, cancellationToken);
            metadata = UploadFields.Parse(command.Form.Fields);
        }
        catch
        {
            await storage.DeleteQuietlyAsync(pending.Select(p => p.Stored.Key), logger);
            throw;
        }

        var created = new List<AssetDto>();
        for (var i = 0; i < pending.Count; i++)
        {
            try
            {
                created.Add(await intake.RecordAsync(box, pending[i].Format, pending[i].Stored, _ => ValueTask.FromResult(metadata), cancellationToken));
            }
            catch (StorageFailedException ex)
            {
                failed.Add(new FailedFile(pending[i].FileName, ex.Message)); // its object is deleted already
            }
            catch
            {
                await storage.DeleteQuietlyAsync(pending.Skip(i + 1).Select(p => p.Stored.Key), logger);
                throw;
            }
        }
        return new BatchUploadResult(created, failed);
    }

    private async Task StoreFilesAsync(IBatchUploadForm form, List<Pending> pending, List<FailedFile> failed, CancellationToken ct)
    {
        var count = 0;
        var (fieldsChecked, fieldsValid) = (-1, true);
        while (await form.ReadNextFileAsync(ct) is { } file)
        {
            if (++count > options.Value.MaxBatchFiles)
                throw new UploadRejectedException($"Too many files: at most {options.Value.MaxBatchFiles} in one request");
            // Fields before the files that are already wrong will refuse the batch: nothing more is stored meanwhile.
            if (form.Fields.Count != fieldsChecked) (fieldsChecked, fieldsValid) = (form.Fields.Count, UploadFields.AreValid(form.Fields));
            if (!fieldsValid) continue;
            try
            {
                using var incoming = await intake.OpenAsync(file.FileName, file.Content, ct);
                var stored = await intake.StoreAsync(incoming, lengthAtLeast: 0, ct);
                pending.Add(new Pending(file.FileName, incoming.Format, stored));
            }
            catch (DomainException ex) when (ex is UploadRejectedException or FileTooLargeException or StorageFailedException)
            {
                failed.Add(new FailedFile(file.FileName, ex.Message));
            }
        }
        if (count == 0) throw new UploadRejectedException("File is required");
    }
}
