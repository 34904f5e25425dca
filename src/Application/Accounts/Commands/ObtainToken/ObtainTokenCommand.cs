using AssetManager.Application.Common.Persistence;
using AssetManager.Domain.Common;
using Mediator;

namespace AssetManager.Application.Accounts.Commands.ObtainToken;

public sealed record ObtainTokenCommand(string? Username, string? Password) : ICommand<TokenDto>;

internal sealed class ObtainTokenHandler(IIdentityService identity, IAppDbContext db, TimeProvider clock)
    : ICommandHandler<ObtainTokenCommand, TokenDto>
{
    public const string BadCredentials = "Unable to log in with provided credentials.";

    public async ValueTask<TokenDto> Handle(ObtainTokenCommand command, CancellationToken cancellationToken)
    {
        var userId = await identity.CheckCredentialsAsync(command.Username!, command.Password!, cancellationToken)
            ?? throw new FieldValidationException("non_field_errors", BadCredentials);
        return new TokenDto(await db.IssueAsync(userId, clock.GetUtcNow().UtcDateTime, cancellationToken));
    }
}
