using Microsoft.AspNetCore.Identity;

namespace AssetManager.Infrastructure.Identity.Passwords;

/// <summary>Django's CommonPasswordValidator: the password, lower-cased and trimmed, is not in <see cref="CommonPasswords"/>.</summary>
internal sealed class CommonPasswordValidator : IPasswordValidator<ApplicationUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        CommonPasswords.Contains((password ?? "").ToLowerInvariant().Trim())
            ? DjangoPasswordError.Refuse("password_too_common", "This password is too common.")
            : DjangoPasswordError.Accept();
}
