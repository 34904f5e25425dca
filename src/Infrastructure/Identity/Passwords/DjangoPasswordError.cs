using Microsoft.AspNetCore.Identity;

namespace AssetManager.Infrastructure.Identity.Passwords;

/// <summary>
/// The result of one of Django's password validators: its code and its message, which IdentityService reports under
/// <c>password</c>. None of the codes contains "Email", which IdentityService would file under <c>email</c>.
/// </summary>
internal static class DjangoPasswordError
{
    public static Task<IdentityResult> Refuse(string code, string message) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = message }));

    public static Task<IdentityResult> Accept() => Task.FromResult(IdentityResult.Success);
}
