using System.Data.Common;
using Microsoft.Extensions.Configuration;

namespace AssetManager.WebApi.Configuration;

/// <summary>
/// The conventional <c>DATABASE_URL</c> (<c>postgres://user:password@host:port/database?sslmode=require</c>) as the
/// Npgsql connection string <c>Database:ConnectionString</c> takes: user and password URL-decoded, port 5432 unless
/// given, <c>sslmode</c> passed on. A URL that cannot be read stops the start; the message never repeats it (it holds a password).
/// </summary>
public static class DatabaseUrl
{
    public const string Name = "DATABASE_URL";
    public const string Provider = "PostgreSql";
    private const int DefaultPort = 5432;

    /// <summary>libpq's <c>sslmode</c> values and Npgsql's names for them.</summary>
    private static readonly Dictionary<string, string> SslModes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["disable"] = "Disable", ["allow"] = "Allow", ["prefer"] = "Prefer", ["require"] = "Require",
        ["verify-ca"] = "VerifyCA", ["verify-full"] = "VerifyFull",
    };

    public static string ToConnectionString(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("postgres" or "postgresql"))
            throw Invalid("it is not a postgres:// or postgresql:// URL");
        if (uri.Host.Length == 0) throw Invalid("it names no host");
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length == 0 || database.Contains('/')) throw Invalid("it names no database (postgres://user:password@host:port/database)");

        var builder = new DbConnectionStringBuilder
        {
            ["Host"] = uri.Host.Trim('[', ']'),
            ["Port"] = uri.Port < 0 ? DefaultPort : uri.Port,
            ["Database"] = database,
        };
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':');
            builder["Username"] = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0) builder["Password"] = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }
        foreach (var (name, value) in Query(uri))
        {
            if (!name.Equals("sslmode", StringComparison.OrdinalIgnoreCase))
                throw Invalid($"of its parameter '{name}': only sslmode is understood (give other settings in ConnectionStrings:Default)");
            builder["SSL Mode"] = SslModes.TryGetValue(value, out var mode)
                ? mode
                : throw Invalid($"sslmode must be one of {string.Join(", ", SslModes.Keys)}");
        }
        return builder.ConnectionString;
    }

    /// <summary>
    /// <see cref="Provider"/> when the connection string in effect is the one <paramref name="url"/> gives (no
    /// <c>Database:ConnectionString</c> or <c>ConnectionStrings:Default</c> of its own), else null.
    /// </summary>
    public static string? ImpliedProvider(string url, IConfiguration configuration)
    {
        var inEffect = configuration["Database:ConnectionString"]; // throws here if it is this URL and unreadable
        try
        {
            return inEffect == ToConnectionString(url) ? Provider : null;
        }
        catch (InvalidSettingException)
        {
            return null; // not in effect: another connection string is
        }
    }

    private static IEnumerable<(string Name, string Value)> Query(Uri uri) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(pair => (Uri.UnescapeDataString(pair[0]), pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : ""));

    private static InvalidSettingException Invalid(string why) =>
        new($"{Name} cannot be used: {why}.");
}
