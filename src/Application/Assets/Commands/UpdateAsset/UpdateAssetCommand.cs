using AssetManager.Application.Common;
using AssetManager.Application.Common.Persistence;
using AssetManager.Domain.Common;
using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AssetManager.Application.Assets.Commands.UpdateAsset;

/// <summary>PATCH of an asset: only the fields that are set change. <c>GenerationConfig</c> is JSON object text.</summary>
public sealed record UpdateAssetCommand(int UserId, int AssetId) : ICommand<AssetDto>
{
    public Optional<string> PromptText { get; init; }
    public Optional<bool> IsFavorite { get; init; }
    public Optional<int?> AiModel { get; init; }
    public Optional<string> GenerationConfig { get; init; }
    public Optional<long?> Seed { get; init; }
    public Optional<int> Box { get; init; }
}

internal sealed class UpdateAssetHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<UpdateAssetCommand, AssetDto>
{
    public async ValueTask<AssetDto> Handle(UpdateAssetCommand command, CancellationToken cancellationToken)
    {
        var asset = await db.Assets.OwnedBy(command.UserId)
            .FirstOrDefaultAsync(a => a.Id == command.AssetId, cancellationToken) ?? throw new NotFoundException();
        var old = asset.Metadata;
        asset.Apply(new(
            command.PromptText.IsSet ? command.PromptText.Value : old.PromptText,
            command.IsFavorite.IsSet ? command.IsFavorite.Value : old.IsFavorite,
            command.AiModel.IsSet ? command.AiModel.Value : old.AiModelId,
            command.GenerationConfig.IsSet ? command.GenerationConfig.Value : old.GenerationConfig,
            command.Seed.IsSet ? command.Seed.Value : old.Seed));
        if (command.Box.IsSet) asset.MoveTo(command.Box.Value);
        asset.Touch(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        // deleted by a racing request since the save: the same 404 as a save that found it gone
        return await db.Assets.AsNoTracking().Where(a => a.Id == asset.Id).ProjectToType<AssetDto>().FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException();
    }
}
