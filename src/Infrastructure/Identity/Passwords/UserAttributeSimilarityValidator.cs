using System.Text;
using Microsoft.AspNetCore.Identity;

namespace AssetManager.Infrastructure.Identity.Passwords;

/// <summary>
/// Django's UserAttributeSimilarityValidator for the username and the email address, ported line by line: the
/// password and each attribute lower-cased, the attribute also split on runs of non-word characters, and a password
/// refused when Python's <c>SequenceMatcher(a=password, b=part).quick_ratio()</c> reaches 0.7 for the whole value or
/// any part. Characters are Unicode code points, as in Python; lower-casing is .NET's simple case mapping where
/// Python's is the full one (they differ for a handful of letters such as U+0130).
/// </summary>
internal sealed class UserAttributeSimilarityValidator : IPasswordValidator<ApplicationUser>
{
    public const double MaxSimilarity = 0.7;

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        FirstSimilarAttribute(password ?? "", [("username", user.UserName), ("email address", user.Email)]) is { } name
            ? DjangoPasswordError.Refuse("password_too_similar", $"The password is too similar to the {name}.")
            : DjangoPasswordError.Accept();

    /// <summary>The verbose name of the first attribute the password is too similar to, or null.</summary>
    internal static string? FirstSimilarAttribute(string password, IEnumerable<(string VerboseName, string? Value)> attributes)
    {
        var passwordRunes = Runes(password.ToLowerInvariant());
        foreach (var (verboseName, value) in attributes)
        {
            if (string.IsNullOrEmpty(value)) continue;
            var valueLower = value.ToLowerInvariant();
            foreach (var part in SplitOnNonWord(valueLower).Append(valueLower))
            {
                var partRunes = Runes(part);
                if (ExceedsMaximumLengthRatio(passwordRunes.Length, partRunes.Length)) continue;
                if (QuickRatio(passwordRunes, partRunes) >= MaxSimilarity) return verboseName;
            }
        }
        return null;
    }

    /// <summary>
    /// Django's shortcut: a value a tenth of the password's length or shorter cannot reach the similarity, so it is
    /// not compared (which also skips the empty parts a leading or trailing separator leaves).
    /// </summary>
    private static bool ExceedsMaximumLengthRatio(int passwordLength, int valueLength) =>
        passwordLength >= 10 * valueLength && valueLength < MaxSimilarity / 2 * passwordLength;

    /// <summary>
    /// Python's <c>difflib.SequenceMatcher.quick_ratio</c>: 2·M / (|a| + |b|), M being the size of the intersection
    /// of a and b taken as multisets (an upper bound of <c>ratio()</c>, blind to order); 1.0 for two empty sequences.
    /// </summary>
    internal static double QuickRatio(int[] a, int[] b)
    {
        if (a.Length + b.Length == 0) return 1.0;
        var available = new Dictionary<int, int>();
        foreach (var element in b) available[element] = available.GetValueOrDefault(element) + 1;
        var matches = 0;
        foreach (var element in a)
        {
            var left = available.GetValueOrDefault(element);
            available[element] = left - 1;
            if (left > 0) matches++;
        }
        return 2.0 * matches / (a.Length + b.Length);
    }

    /// <summary>
    /// Python's <c>re.split(r"\W+", value)</c>, empty parts at either end included. A word character is what Python's
    /// <c>\w</c> matches in a str pattern: a letter, a number of any kind, or the underscore.
    /// </summary>
    internal static List<string> SplitOnNonWord(string value)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        var inSeparator = false;
        foreach (var rune in value.EnumerateRunes())
        {
            if (Rune.IsLetter(rune) || Rune.IsNumber(rune) || rune.Value == '_')
            {
                current.Append(rune.ToString());
                inSeparator = false;
            }
            else if (!inSeparator)
            {
                parts.Add(current.ToString());
                current.Clear();
                inSeparator = true;
            }
        }
        parts.Add(current.ToString());
        return parts;
    }

    private static int[] Runes(string text) => text.EnumerateRunes().Select(r => r.Value).ToArray();
}
