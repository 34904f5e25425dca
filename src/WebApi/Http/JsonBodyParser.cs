using System.Text.Json;
using System.Text.Json.Nodes;
using AssetManager.WebApi.Errors;

namespace AssetManager.WebApi.Http;

/// <summary>
/// Parses a JSON body completely before anyone reads it, so that every fault is the client's 400 "JSON parse error"
/// now and never an exception later in whoever reads a field: malformed JSON, a key given twice, and a string that
/// is not text (a lone surrogate such as <c>"\ud800"</c>, which the reader only notices when the string is read).
/// </summary>
public static class JsonBodyParser
{
    private static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false, MaxDepth = 64 };

    public static JsonNode? Parse(ReadOnlySpan<byte> utf8)
    {
        try
        {
            EnsureEveryStringIsText(utf8);
            using var document = JsonDocument.Parse(utf8.ToArray(), Options);
            return document.RootElement.ValueKind == JsonValueKind.Null ? null : JsonNode.Parse(document.RootElement.GetRawText());
        }
        catch (JsonException ex)
        {
            throw new RequestBodyException(StatusCodes.Status400BadRequest, $"JSON parse error - {FirstLine(ex.Message)}");
        }
    }

    private static void EnsureEveryStringIsText(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = Options.MaxDepth });
        while (reader.Read())
        {
            if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || !reader.ValueIsEscaped) continue;
            try
            {
                reader.GetString();
            }
            catch (InvalidOperationException)
            {
                throw new JsonException($"A string holds an invalid escape (a lone surrogate) at position {reader.TokenStartIndex}.");
            }
        }
    }

    // System.Text.Json appends "Path: ... | LineNumber: ..." on a line of its own; the first line says what is wrong.
    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
