using System.Text;
using Microsoft.AspNetCore.Identity;

namespace AssetManager.Infrastructure.Identity.Passwords;

/// <summary>Django's NumericPasswordValidator: refuses a password made only of digits (Python's <c>str.isdigit</c>).</summary>
internal sealed class NumericPasswordValidator : IPasswordValidator<ApplicationUser>
{
    // Python's isdigit also counts the characters of Unicode's Numeric_Type=Digit (superscripts, circled digits, ...),
    // which .NET files under "other number" together with fractions and tens. These are all of them (Unicode 14).
    private static readonly (int First, int Last)[] OtherDigits =
    [
        (0xB2, 0xB3), (0xB9, 0xB9), (0x1369, 0x1371), (0x19DA, 0x19DA), (0x2070, 0x2070), (0x2074, 0x2079),
        (0x2080, 0x2089), (0x2460, 0x2468), (0x2474, 0x247C), (0x2488, 0x2490), (0x24EA, 0x24EA), (0x24F5, 0x24FD),
        (0x24FF, 0x24FF), (0x2776, 0x277E), (0x2780, 0x2788), (0x278A, 0x2792), (0x10A40, 0x10A43),
        (0x10E60, 0x10E68), (0x11052, 0x1105A), (0x1F100, 0x1F10A),
    ];

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        IsEntirelyNumeric(password ?? "")
            ? DjangoPasswordError.Refuse("password_entirely_numeric", "This password is entirely numeric.")
            : DjangoPasswordError.Accept();

    internal static bool IsEntirelyNumeric(string password) =>
        password.Length > 0 && password.EnumerateRunes().All(IsDigit);

    private static bool IsDigit(Rune rune) =>
        Rune.IsDigit(rune) || OtherDigits.Any(range => rune.Value >= range.First && rune.Value <= range.Last);
}
