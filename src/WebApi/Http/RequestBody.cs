using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using AssetManager.Domain.Common;
using AssetManager.WebApi.Errors;

namespace AssetManager.WebApi.Http;

/// <summary>Reads a request body (JSON, or a form) into a JSON object, as DRF's parsers would.</summary>
public static class RequestBody
{
    public static async Task<JsonObject> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
        if (!hasBody) return [];
        var contentType = request.ContentType ?? "";
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var result = new JsonObject();
            foreach (var (key, value) in form) result[key] = value.ToString();
            return result;
        }
        if (!contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            && !contentType.Contains("+json", StringComparison.OrdinalIgnoreCase))
            throw new RequestBodyException(StatusCodes.Status415UnsupportedMediaType,
                ErrorResponses.UnsupportedMediaType(contentType).Detail);
        // Read it whole and check the encoding first: JsonNode decodes strings lazily, so invalid UTF-8 inside a
        // string would otherwise surface later, as an InvalidOperationException (a 500) in whoever reads the field.
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (bytes.Span.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        if (!Utf8.IsValid(bytes.Span))
            throw new RequestBodyException(StatusCodes.Status400BadRequest, "JSON parse error - The request body is not valid UTF-8.");
        var node = JsonBodyParser.Parse(bytes.Span);
        return node switch
        {
            JsonObject obj => obj,
            null => [],
            _ => throw new FieldValidationException("non_field_errors",
                $"Invalid data. Expected a dictionary, but got {DrfTypeName(node)}."),
        };
    }

    /// <summary>The Python type name DRF would report for a JSON value.</summary>
    public static string DrfTypeName(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.Array => "list",
        JsonValueKind.Object => "dict",
        JsonValueKind.String => "str",
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.Number => node.ToJsonString().Contains('.') ? "float" : "int",
        _ => "NoneType",
    };
}
