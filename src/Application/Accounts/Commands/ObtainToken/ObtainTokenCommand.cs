using System.Net;
using AssetManager.Application.Common.Persistence;
using AssetManager.Domain.Common;
using Mediator;

namespace AssetManager.Application.Accounts.Commands.ObtainToken;

public sealed record ObtainTokenCommand(string? Username, string? Password, IPAddress? ClientAddress = null) : ICommand<TokenDto>;

/// <summary>
/// A login, throttled as contract section 2 says: only failures count, per username and per client address, and a
/// throttled login is refused before its password is hashed, so that a flood of them costs next to nothing (one
/// lookup of the account's lockout).
/// </summary>
internal sealed class ObtainTokenHandler(IIdentityService identity, ILoginThrottle throttle, IAppDbContext db, TimeProvider clock)
    : ICommandHandler<ObtainTokenCommand, TokenDto>
{
    public const string BadCredentials = "Unable to log in with provided credentials.";

    public async ValueTask<TokenDto> Handle(ObtainTokenCommand command, CancellationToken cancellationToken)
    {
        var (username, password, address) = (command.Username!, command.Password!, command.ClientAddress);
        if (throttle.CountInAdvance(username, address) is { } wait)
            throw new ThrottledException(Longest(wait, await identity.LockedOutForAsync(username, cancellationToken)));
        int? userId;
        try
        {
            userId = await identity.CheckCredentialsAsync(username, password, cancellationToken);
        }
        catch
        {
            throttle.TakeBack(username, address); // the account is locked out, or the check broke: no guess was answered
            throw;
        }
        if (userId is null) throw new FieldValidationException("non_field_errors", BadCredentials);
        throttle.TakeBack(username, address); // a success does not count
        return new TokenDto(await db.IssueAsync(userId.Value, clock.GetUtcNow().UtcDateTime, cancellationToken));
    }

    /// <summary>
    /// The throttle's wait ends when the first counted failure leaves its window, the lockout's a window after the
    /// failure that reached the limit: the later of the two, so that a client waiting out Retry-After is let in.
    /// </summary>
    private static TimeSpan Longest(TimeSpan throttled, TimeSpan? lockedOut) =>
        lockedOut > throttled ? lockedOut.Value : throttled;
}
