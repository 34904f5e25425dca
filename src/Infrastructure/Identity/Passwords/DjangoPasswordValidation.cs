using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AssetManager.Infrastructure.Identity.Passwords;

public static class DjangoPasswordValidation
{
    /// <summary>
    /// Django's four default password validators, in Django's order (which is the order of the messages in a 400),
    /// instead of Identity's character-class rules (NIST SP 800-63B: length and a blocklist, no composition rules).
    /// Identity's own validator is removed, so it never adds a message of its own.
    /// </summary>
    public static IdentityBuilder AddDjangoPasswordValidators(this IdentityBuilder builder)
    {
        builder.Services.RemoveAll<IPasswordValidator<ApplicationUser>>();
        builder.Services.Configure<IdentityOptions>(options =>
        {
            // Nothing reads these once Identity's validator is gone; they say the same, for whoever looks.
            options.Password.RequiredLength = 0;
            options.Password.RequiredUniqueChars = 0;
            options.Password.RequireDigit = false;
            options.Password.RequireLowercase = false;
            options.Password.RequireUppercase = false;
            options.Password.RequireNonAlphanumeric = false;
        });
        return builder
            .AddPasswordValidator<UserAttributeSimilarityValidator>()
            .AddPasswordValidator<MinimumLengthValidator>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddPasswordValidator<NumericPasswordValidator>();
    }
}
