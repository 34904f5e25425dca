using AssetManager.Application.Common.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AssetManager.Application.Accounts.Commands.LogoutAll;

/// <summary>Logout everywhere: revokes every token of the user (tokens never expire, so this is the way out of a leaked one).</summary>
public sealed record LogoutAllCommand(int UserId) : ICommand;

internal sealed class LogoutAllHandler(IAppDbContext db, RecentTokens recent) : ICommandHandler<LogoutAllCommand>
{
    public async ValueTask<Unit> Handle(LogoutAllCommand command, CancellationToken cancellationToken)
    {
        recent.RevokeUser(command.UserId);
        // Through SaveChanges, like every other write, so that on SQLite it waits for the write lock.
        var tokens = await db.AuthTokens.Where(t => t.UserId == command.UserId).ToListAsync(cancellationToken);
        db.AuthTokens.RemoveRange(tokens);
        while (true)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return Unit.Value;
            }
            catch (DbUpdateConcurrencyException race)
            {
                // A logout with one of these tokens deleted its row first: gone all the same. Delete the rest.
                foreach (var entry in race.Entries) entry.State = EntityState.Detached;
            }
        }
    }
}
