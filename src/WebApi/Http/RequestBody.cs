using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using AssetManager.Application.Common.Storage;
using AssetManager.Domain.Common;
using AssetManager.WebApi.Errors;

namespace AssetManager.WebApi.Http;

/// <summary>
/// Reads a request body (JSON, or a form) into a JSON object, as DRF's parsers would, holding no more than
/// <see cref="BodyLimits"/> allow: a larger body is a 413 and more fields than allowed a 400, both with a detail.
/// </summary>
public static class RequestBody
{
    public static async Task<JsonObject> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
        if (!hasBody) return [];
        var contentType = request.ContentType ?? "";
        var isForm = request.HasFormContentType;
        if (!isForm && !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            && !contentType.Contains("+json", StringComparison.OrdinalIgnoreCase))
            throw new RequestBodyException(StatusCodes.Status415UnsupportedMediaType,
                ErrorResponses.UnsupportedMediaType(contentType).Detail);
        var limits = BodyLimits.Of(request.HttpContext);
        if (request.ContentLength > limits.MaxFormBytes) throw TooLarge(limits);
        // Whatever the declared length, no more than the limit is ever read.
        request.Body = new LengthLimitedStream(ReadOnlyMemory<byte>.Empty, request.Body, limits.MaxFormBytes, () => TooLarge(limits));
        var body = isForm ? await ReadFormAsync(request, limits, ct) : await ReadJsonAsync(request, (int?)request.ContentLength, ct);
        if (body.Count > limits.MaxFormFields)
            throw new RequestBodyException(StatusCodes.Status400BadRequest, limits.TooManyFieldsMessage);
        return body;
    }

    private static async Task<JsonObject> ReadFormAsync(HttpRequest request, BodyLimits limits, CancellationToken ct)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct); // FormOptions carry the same limits (BodyLimitsSetup)
        }
        catch (InvalidDataException ex) when (ex.Message.StartsWith("Form value count limit", StringComparison.Ordinal))
        {
            throw new RequestBodyException(StatusCodes.Status400BadRequest, limits.TooManyFieldsMessage);
        }
        catch (InvalidDataException ex)
        {
            throw new RequestBodyException(StatusCodes.Status400BadRequest, $"Form parse error - {ex.Message}");
        }
        var result = new JsonObject();
        foreach (var (key, value) in form) result[key] = value.ToString();
        return result;
    }

    private static async Task<JsonObject> ReadJsonAsync(HttpRequest request, int? declaredLength, CancellationToken ct)
    {
        // Read it whole and check the encoding first: JsonNode decodes strings lazily, so invalid UTF-8 inside a
        // string would otherwise surface later, as an InvalidOperationException (a 500) in whoever reads the field.
        using var buffer = new MemoryStream(declaredLength ?? 0);
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

    private static RequestBodyException TooLarge(BodyLimits limits) =>
        new(StatusCodes.Status413PayloadTooLarge, limits.TooLargeMessage);

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
