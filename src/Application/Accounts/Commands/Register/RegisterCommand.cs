using AssetManager.Application.Common.Persistence;
using Mediator;

namespace AssetManager.Application.Accounts.Commands.Register;

public sealed record RegisterCommand(string? Username, string? Password, string? Email) : ICommand<RegisteredUserDto>;

internal sealed class RegisterHandler(IIdentityService identity, IAppDbContext db, TimeProvider clock)
    : ICommandHandler<RegisterCommand, RegisteredUserDto>
{
    public async ValueTask<RegisteredUserDto> Handle(RegisterCommand command, CancellationToken cancellationToken)
    {
        var user = await identity.CreateUserAsync(command.Username!, command.Password!, command.Email ?? "", cancellationToken);
        var key = await db.IssueAsync(user.Id, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return new RegisteredUserDto(user.Id, user.Username, user.Email, key);
    }
}
