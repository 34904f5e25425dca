using AssetManager.Application.Assets.Intake;
using AssetManager.Domain.Assets;
using AssetManager.Domain.Common;
using Mediator;

namespace AssetManager.Application.Assets.Commands.ImportAsset;

/// <summary>Downloads the file at <paramref name="Url"/> into object storage and records it as an asset of the box.</summary>
public sealed record ImportAssetCommand(int UserId, int BoxId, string? Url, AssetMetadata Metadata) : ICommand<AssetDto>, IAssetFields
{
    public const string UrlField = "url";
}

/// <summary>
/// The upload's checks and limit on a download: the file streams from the source into the store, hashed on the way,
/// and a source that fails leaves nothing stored. A declared length over the limit is refused before any byte is read.
/// </summary>
internal sealed class ImportAssetHandler(AssetIntake intake, IRemoteFiles remote) : ICommandHandler<ImportAssetCommand, AssetDto>
{
    public async ValueTask<AssetDto> Handle(ImportAssetCommand command, CancellationToken cancellationToken)
    {
        var box = await intake.OwnedBoxAsync(command.UserId, command.BoxId, cancellationToken) ?? throw new NotFoundException();
        var url = new Uri(command.Url!, UriKind.Absolute);
        await using var source = await remote.OpenAsync(url, cancellationToken);
        if (source.Length > intake.MaxFileBytes) throw new FileTooLargeException(intake.MaxFileBytes);

        using var incoming = await intake.OpenAsync(ImportedFileName.Choose(url, source), source.Content, cancellationToken);
        var stored = await intake.StoreAsync(incoming, source.Length ?? 0, cancellationToken);
        return await intake.RecordAsync(box, incoming.Format, stored, _ => ValueTask.FromResult(command.Metadata), cancellationToken);
    }
}
