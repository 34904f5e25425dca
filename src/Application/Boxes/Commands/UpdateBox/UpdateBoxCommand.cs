using AssetManager.Application.Common.Persistence;
using AssetManager.Domain.Common;
using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AssetManager.Application.Boxes.Commands.UpdateBox;

/// <summary>PUT (<paramref name="Partial"/> false: project and name required) or PATCH.</summary>
public sealed record UpdateBoxCommand(int UserId, int BoxId, int? Project, string? Name, string? Description, bool Partial)
    : ICommand<BoxDto>;

internal sealed class UpdateBoxHandler(IAppDbContext db, TimeProvider clock)
    : ICommandHandler<UpdateBoxCommand, BoxDto>
{
    public async ValueTask<BoxDto> Handle(UpdateBoxCommand command, CancellationToken cancellationToken)
    {
        var box = await db.Boxes.OwnedBy(command.UserId)
            .FirstOrDefaultAsync(b => b.Id == command.BoxId, cancellationToken) ?? throw new NotFoundException();
        var now = clock.GetUtcNow().UtcDateTime;
        if (command.Project is { } projectId) box.MoveTo(projectId, now);
        if (command.Name is not null) box.Rename(command.Name.Trim(), now);
        // As DRF: an optional field left out keeps its value, on PUT as on PATCH.
        if (command.Description is not null) box.Describe(command.Description.Trim(), now);
        box.Touch(now);
        await db.SaveChangesAsync(cancellationToken);
        var assetCount = await db.Assets.CountAsync(a => a.BoxId == box.Id, cancellationToken);
        return box.Adapt<BoxDto>() with { AssetCount = assetCount };
    }
}
