using AssetManager.Application.Assets.Intake;
using AssetManager.Domain.Common;
using Mediator;

namespace AssetManager.Application.Assets.Commands.UploadAsset;

/// <summary>Streams a file from the form into object storage and records it as an asset of the box.</summary>
public sealed record UploadAssetCommand(int UserId, int BoxId, IUploadForm Form) : ICommand<AssetDto>;

/// <summary>
/// Checks in the contract's order (box, file present, not empty, extension, content, size, fields), and leaves
/// nothing half-done: the object is deleted again whenever the row is not saved.
/// </summary>
internal sealed class UploadAssetHandler(AssetIntake intake) : ICommandHandler<UploadAssetCommand, AssetDto>
{
    public async ValueTask<AssetDto> Handle(UploadAssetCommand command, CancellationToken cancellationToken)
    {
        var box = await intake.OwnedBoxAsync(command.UserId, command.BoxId, cancellationToken) ?? throw new NotFoundException();
        var file = await command.Form.ReadFileAsync(cancellationToken)
            ?? throw new UploadRejectedException("File is required");

        using var incoming = await intake.OpenAsync(file.FileName, file.Content, cancellationToken);
        if (command.Form.IsDeclaredTooLarge) throw new FileTooLargeException(intake.MaxFileBytes);
        await RefuseEarlyFieldErrorsAsync(command.Form, incoming.Content, cancellationToken);
        var stored = await intake.StoreAsync(incoming, file.LengthAtLeast, cancellationToken);
        return await intake.RecordAsync(box, incoming.Format, stored,
            async ct => UploadFields.Parse(await command.Form.ReadRemainingFieldsAsync(ct)), cancellationToken);
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
}
