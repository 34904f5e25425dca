using AssetManager.Application.Common.Persistence;
using AssetManager.Domain.Assets;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AssetManager.Application.Assets.Commands.FailRenditions;

/// <summary>The job engine gave up on an asset's renditions after its retries: the asset says so, with the reason.</summary>
public sealed record FailRenditionsCommand(int AssetId, string Reason) : ICommand;

internal sealed class FailRenditionsHandler(IAppDbContext db) : ICommandHandler<FailRenditionsCommand>
{
    public async ValueTask<Unit> Handle(FailRenditionsCommand command, CancellationToken cancellationToken)
    {
        var asset = await db.Assets.FirstOrDefaultAsync(a => a.Id == command.AssetId, cancellationToken);
        if (asset is not { Processing: ProcessingState.Pending }) return Unit.Value;
        asset.FailProcessing(command.Reason);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // deleted meanwhile: nothing to record
        }
        return Unit.Value;
    }
}
