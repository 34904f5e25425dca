using System.IO.Compression;

namespace AssetManager.Infrastructure.Identity.Passwords;

/// <summary>
/// The common-password list Django's CommonPasswordValidator checks against, shipped with the service so that it works
/// offline: the password dictionary of npm's <c>@zxcvbn-ts/language-common</c> (MIT; source, version and licence in
/// NOTICE.md beside it), one lower-case password a line, gzip-compressed, embedded in this assembly. Read once, at first use.
/// </summary>
internal static class CommonPasswords
{
    public const string ResourceName = "AssetManager.Infrastructure.Identity.Passwords.common-passwords.txt.gz";

    private static readonly Lazy<HashSet<string>> Passwords = new(Load);

    public static int Count => Passwords.Value.Count;

    public static bool Contains(string password) => Passwords.Value.Contains(password);

    private static HashSet<string> Load()
    {
        using var resource = typeof(CommonPasswords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(new GZipStream(resource, CompressionMode.Decompress));
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Trim() is { Length: > 0 } password) passwords.Add(password);
        return passwords;
    }
}
