using Microsoft.Extensions.Options;

namespace AssetManager.WebApi.Configuration;

/// <summary>Turns a setting that cannot be used into one plain line on standard error instead of a stack trace.</summary>
public static class SettingsErrors
{
    public static bool IsSettingsError(Exception exception) =>
        exception is OptionsValidationException or InvalidSettingException
        || exception is InvalidOperationException { Source: "Microsoft.Extensions.Configuration.Binder" };

    public static string Describe(Exception exception)
    {
        if (exception is InvalidSettingException) return "Invalid settings: " + exception.Message;
        var message = exception is OptionsValidationException e ? string.Join(" ", e.Failures) : exception.Message;
        var originals = OriginalSettingNames.All
            .Where(a => message.Contains($"'{a.Key}'", StringComparison.OrdinalIgnoreCase))
            .Select(a => $"'{a.Key}' is also given as {a.Original}.");
        return string.Join(" ", ["Invalid settings:", message, .. originals]);
    }
}
