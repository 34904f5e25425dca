using AssetManager.Application.Accounts;
using AssetManager.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AssetManager.Infrastructure.Identity;

/// <summary>Accounts through ASP.NET Identity; its errors become DRF-style field errors.</summary>
internal sealed class IdentityService(UserManager<ApplicationUser> users) : IIdentityService
{
    public const string UsernameTaken = "A user with that username already exists.";

    public async Task<UserDto> CreateUserAsync(string username, string password, string email, CancellationToken cancellationToken)
    {
        if (await users.Users.AnyAsync(u => u.NormalizedUserName == users.NormalizeName(username), cancellationToken))
            throw new FieldValidationException("username", UsernameTaken);

        var user = new ApplicationUser { UserName = username, Email = email.Length == 0 ? null : email };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded) throw ToFieldErrors(result);
        return ToDto(user);
    }

    public async Task<int?> CheckCredentialsAsync(string username, string password, CancellationToken cancellationToken)
    {
        var user = await users.FindByNameAsync(username);
        return user is not null && await users.CheckPasswordAsync(user, password) ? user.Id : null;
    }

    public async Task<UserDto?> FindAsync(int userId, CancellationToken cancellationToken)
    {
        var user = await users.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        return user is null ? null : ToDto(user);
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
