using System.Text;
using Microsoft.AspNetCore.Identity;

namespace AssetManager.Infrastructure.Identity.Passwords;

/// <summary>Django's MinimumLengthValidator: at least 8 characters (code points, as Python counts them).</summary>
internal sealed class MinimumLengthValidator : IPasswordValidator<ApplicationUser>
{
    public const int MinLength = 8;

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        (password ?? "").EnumerateRunes().Count() < MinLength
            ? DjangoPasswordError.Refuse("password_too_short",
                $"This password is too short. It must contain at least {MinLength} characters.")
            : DjangoPasswordError.Accept();
}
