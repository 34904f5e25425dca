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
        // Removed through SaveChanges, like every other write, so that on SQLite it waits for the write lock
        // (SqliteAppDbContext) instead of meeting a busy database.
        var token = await db.AuthTokens.FirstOrDefaultAsync(t => t.KeyHash == hash, cancellationToken);
        if (token is null) return Unit.Value;
        db.AuthTokens.Remove(token);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // another logout with the same token (a double click) deleted the row first: it is revoked all the same
        }
        return Unit.Value;
    }
}
