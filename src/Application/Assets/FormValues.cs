using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AssetManager.Application.Assets;

/// <summary>Parses form text the way the contract's upload fields and DRF do.</summary>
public static class FormValues
{
    private static readonly string[] True = ["true", "1", "yes", "on"];
    private static readonly string[] False = ["false", "0", "no", "off"];

    public static bool? Boolean(string text)
    {
        var value = text.Trim();
        if (True.Any(t => t.Equals(value, StringComparison.OrdinalIgnoreCase))) return true;
        if (False.Any(f => f.Equals(value, StringComparison.OrdinalIgnoreCase))) return false;
        return null;
    }

    public static long? Int64(string text) =>
        long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static int? Int32(string text) =>
        int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false, MaxDepth = 64 };

    /// <summary>
    /// The text re-serialized compactly when it is a JSON object, else null: also for a key given twice or a string
    /// that is not text (a lone surrogate), which would otherwise fail only when written out.
    /// </summary>
    public static string? JsonObjectText(string text)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: Strict) is JsonObject obj ? obj.ToJsonString() : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }
}
