using AssetManager.Application.Common.Persistence;
using AssetManager.Domain.Boxes;
using Mapster;
using Mediator;

namespace AssetManager.Application.Boxes.Commands.CreateBox;

public sealed record CreateBoxCommand(int UserId, int? Project, string? Name, string? Description) : ICommand<BoxDto>;

internal sealed class CreateBoxHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<CreateBoxCommand, BoxDto>
{
    public async ValueTask<BoxDto> Handle(CreateBoxCommand command, CancellationToken cancellationToken)
    {
        // The validator has checked that the project exists and is the caller's.
        var box = Box.Create(command.Project!.Value, command.Name!.Trim(), (command.Description ?? "").Trim(), clock.GetUtcNow().UtcDateTime);
        db.Boxes.Add(box);
        await db.SaveChangesAsync(cancellationToken);
        return box.Adapt<BoxDto>();
    }
}
