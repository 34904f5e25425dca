namespace AssetManager.Application.Accounts;

/// <summary>User accounts (ASP.NET Identity in Infrastructure).</summary>
public interface IIdentityService
{
    /// <summary>Creates a user; throws <see cref="Domain.Common.FieldValidationException"/> for a taken name or a weak password.</summary>
    Task<UserDto> CreateUserAsync(string username, string password, string email, CancellationToken cancellationToken);

    /// <summary>
    /// The user's id when the credentials are right, else null (an unknown username costs a password hash all the
    /// same). A wrong password counts towards the account's lockout; while it is locked out this throws
    /// <see cref="Domain.Common.ThrottledException"/> without looking at the password.
    /// </summary>
    Task<int?> CheckCredentialsAsync(string username, string password, CancellationToken cancellationToken);

    /// <summary>How long the account's lockout still runs, or null (also for an unknown username).</summary>
    Task<TimeSpan?> LockedOutForAsync(string username, CancellationToken cancellationToken);

    Task<UserDto?> FindAsync(int userId, CancellationToken cancellationToken);
}
