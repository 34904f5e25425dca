using AssetManager.Application.Common.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AssetManager.Application.Accounts.Commands.Logout;

/// <summary>Revokes the token the request was made with.</summary>
public sealed record LogoutCommand(string TokenKey) : ICommand;

internal sealed class LogoutHandler(IAppDbContext db, RecentTokens recent) : ICommandHandler<LogoutCommand>
{
    public async ValueTask<Unit> Handle(LogoutCommand command, CancellationToken cancellationToken)
    {
        var hash = TokenKeys.Hash(command.TokenKey);
        recent.Revoke(hash);
        await db.AuthTokens.Where(t => t.KeyHash == hash).ExecuteDeleteAsync(cancellationToken);
        return Unit.Value;
    }
}
