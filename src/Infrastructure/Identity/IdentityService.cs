using AssetManager.Application.Accounts;
using AssetManager.Domain.Common;
using AssetManager.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AssetManager.Infrastructure.Identity;

/// <summary>Accounts through ASP.NET Identity; its errors become DRF-style field errors.</summary>
internal sealed class IdentityService(
    UserManager<ApplicationUser> users, AppDbContext db, PasswordHashingGate hashing, TimeProvider clock) : IIdentityService
{
    public const string UsernameTaken = "A user with that username already exists.";

    /// <summary>
    /// Tries of a failed login's count, which loses the race for the row when another failure of the same account saves
    /// between its read and its save. The in-memory throttle lets at most FailuresPerUsername of them run at once.
    /// </summary>
    private const int CountAttempts = 10;

    public async Task<UserDto> CreateUserAsync(string username, string password, string email, CancellationToken cancellationToken)
    {
        if (await users.Users.AnyAsync(u => u.NormalizedUserName == users.NormalizeName(username), cancellationToken))
            throw new FieldValidationException("username", UsernameTaken);

        var user = new ApplicationUser { UserName = username, Email = email.Length == 0 ? null : email };
        var result = await hashing.RunAsync(() => users.CreateAsync(user, password), cancellationToken);
        if (!result.Succeeded) throw ToFieldErrors(result);
        return ToDto(user);
    }

    public async Task<int?> CheckCredentialsAsync(string username, string password, CancellationToken cancellationToken)
    {
        var user = await users.FindByNameAsync(username);
        if (user is null)
        {
            await hashing.RunAsync(() => Task.FromResult(UnknownUser.SpendAPasswordCheck(users.PasswordHasher, password)), cancellationToken);
            return null;
        }
        if (await LockedOutForAsync(user) is { } wait) throw new ThrottledException(wait);
        if (await hashing.RunAsync(() => users.CheckPasswordAsync(user, password), cancellationToken))
        {
            await users.ResetAccessFailedCountAsync(user); // writes only when there were failures
            return user.Id;
        }
        await CountFailureAsync(user, cancellationToken);
        return null;
    }

    public async Task<UserDto?> FindAsync(int userId, CancellationToken cancellationToken)
    {
        var user = await users.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        return user is null ? null : ToDto(user);
    }

    public async Task<TimeSpan?> LockedOutForAsync(string username, CancellationToken cancellationToken) =>
        await users.FindByNameAsync(username) is { } user ? await LockedOutForAsync(user) : null;

    private async Task<TimeSpan?> LockedOutForAsync(ApplicationUser user)
    {
        var wait = await users.GetLockoutEndDateAsync(user) - clock.GetUtcNow();
        return wait > TimeSpan.Zero && await users.GetLockoutEnabledAsync(user) ? wait : null;
    }

    /// <summary>
    /// Identity's lockout: one more failure on the account's row, and at the limit the account is locked for the
    /// window (LoginLockout). Parallel failures for one account race on the row's concurrency stamp; the loser reads
    /// the row again and counts on top of the winner, so that no failure goes uncounted.
    /// </summary>
    private async Task CountFailureAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await users.AccessFailedAsync(user);
            var lostRace = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure));
            if (!lostRace || attempt == CountAttempts) return;
            await db.Entry(user).ReloadAsync(cancellationToken);
            if (db.Entry(user).State == EntityState.Detached) return; // the account was deleted meanwhile
        }
    }

    private static UserDto ToDto(ApplicationUser user) => new(user.Id, user.UserName ?? "", user.Email ?? "");

    private static FieldValidationException ToFieldErrors(IdentityResult result)
    {
        var errors = new FieldErrors();
        foreach (var error in result.Errors)
        {
            if (error.Code == nameof(IdentityErrorDescriber.DuplicateUserName)) errors.Add("username", UsernameTaken);
            else if (error.Code == nameof(IdentityErrorDescriber.InvalidUserName))
                errors.Add("username", "Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ characters.");
            else if (error.Code.Contains("Email", StringComparison.Ordinal)) errors.Add("email", Messages.InvalidEmail);
            else errors.Add("password", error.Description);
        }
        if (!errors.Any) errors.Add("non_field_errors", "Could not create the user.");
        return errors.ToException();
    }
}
