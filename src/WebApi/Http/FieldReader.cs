using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AssetManager.Application.Assets;
using AssetManager.Application.Common;
using AssetManager.Domain.Common;

namespace AssetManager.WebApi.Http;

/// <summary>
/// Reads typed fields from a request body the way DRF serializer fields do, collecting every type error
/// (absent fields read as "not given"; whether they are required is the validators' business).
/// </summary>
public sealed class FieldReader(JsonObject body)
{
    private readonly FieldErrors _errors = new();

    public void ThrowIfErrors() => _errors.ThrowIfAny();

    /// <summary>
    /// A string; numbers are taken as text (as DRF does), booleans, lists and objects are not, and neither is text with
    /// a NUL character (DRF's CharField refuses it).
    /// </summary>
    public string? String(string name, bool trim = true)
    {
        if (!body.TryGetPropertyValue(name, out var node)) return null;
        if (node is null) return Fail<string>(name, Messages.NotNull);
        var text = node.GetValueKind() switch
        {
            JsonValueKind.String => trim ? node.GetValue<string>().Trim() : node.GetValue<string>(),
            JsonValueKind.Number => node.ToJsonString(),
            _ => Fail<string>(name, Messages.NotAString),
        };
        return text is not null && text.Contains('\0') ? Fail<string>(name, Messages.NullCharacters) : text;
    }

    /// <summary>A primary key (integer or digits); null is refused.</summary>
    public int? Pk(string name)
    {
        var value = NullablePk(name);
        if (value.IsSet && value.Value is null) return Fail<int?>(name, Messages.NotNull);
        return value.Value;
    }

    /// <summary>A primary key that may be set to null.</summary>
    public Optional<int?> NullablePk(string name)
    {
        if (!body.TryGetPropertyValue(name, out var node)) return Optional<int?>.Unset;
        if (node is null) return new Optional<int?>(true, null);
        int? parsed = node.GetValueKind() switch
        {
            JsonValueKind.Number => node.AsValue().TryGetValue<int>(out var number) ? number : null,
            JsonValueKind.String => FormValues.Int32(node.GetValue<string>()),
            _ => null,
        };
        if (parsed is null)
        {
            var typeName = node.GetValueKind() == JsonValueKind.Number ? "int" : RequestBody.DrfTypeName(node);
            Fail<int?>(name, Messages.IncorrectPkType(typeName));
            return Optional<int?>.Unset;
        }
        return new Optional<int?>(true, parsed);
    }

    public Optional<bool> Boolean(string name)
    {
        if (!body.TryGetPropertyValue(name, out var node)) return Optional<bool>.Unset;
        if (node is null) return FailOptional<bool>(name, Messages.NotNull);
        bool? value = node.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String or JsonValueKind.Number => FormValues.Boolean(node.ToString()),
            _ => null,
        };
        return value is { } parsed ? parsed : FailOptional<bool>(name, Messages.InvalidBoolean);
    }

    public Optional<long?> NullableInt64(string name)
    {
        if (!body.TryGetPropertyValue(name, out var node)) return Optional<long?>.Unset;
        if (node is null) return new Optional<long?>(true, null);
        long? value = node.GetValueKind() switch
        {
            JsonValueKind.Number => node.AsValue().TryGetValue<long>(out var number) ? number : null,
            JsonValueKind.String => FormValues.Int64(node.GetValue<string>()),
            _ => null,
        };
        return value is null ? FailOptional<long?>(name, Messages.InvalidInteger) : new Optional<long?>(true, value);
    }

    /// <summary>A JSON object, given as an object or as text; returned as compact JSON text.</summary>
    public Optional<string> JsonObjectText(string name)
    {
        if (!body.TryGetPropertyValue(name, out var node)) return Optional<string>.Unset;
        if (node is null) return FailOptional<string>(name, Messages.NotNull);
        var text = node switch
        {
            JsonObject obj => obj.ToJsonString(),
            JsonValue value when value.GetValueKind() == JsonValueKind.String => FormValues.JsonObjectText(value.GetValue<string>()),
            _ => null,
        };
        return text is null ? FailOptional<string>(name, Messages.NotAJsonObject) : text;
    }

    /// <summary>
    /// A list of objects, each read into an item by <paramref name="read"/> (null: not a valid item, reported as
    /// <paramref name="invalidItem"/>); null when absent.
    /// </summary>
    public IReadOnlyList<T>? ObjectList<T>(string name, Func<JsonObject, T?> read, string invalidItem) where T : class
    {
        if (!body.TryGetPropertyValue(name, out var node)) return null;
        if (node is null) return Fail<IReadOnlyList<T>>(name, Messages.NotNull);
        if (node is not JsonArray array)
            return Fail<IReadOnlyList<T>>(name, $"Expected a list of items but got type \"{RequestBody.DrfTypeName(node)}\".");
        var items = new List<T>(array.Count);
        foreach (var element in array)
        {
            if (element is not JsonObject item || read(item) is not { } value) return Fail<IReadOnlyList<T>>(name, invalidItem);
            items.Add(value);
        }
        return items;
    }

    /// <summary>A query-string style integer for filters; "Enter a number." otherwise.</summary>
    public static int? QueryInt(IQueryCollection query, string name, FieldErrors errors)
    {
        var text = query[name].ToString();
        if (text.Length == 0) return null;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        errors.Add(name, "Enter a number.");
        return null;
    }

    private T? Fail<T>(string name, string message)
    {
        _errors.Add(name, message);
        return default;
    }

    private Optional<T> FailOptional<T>(string name, string message)
    {
        _errors.Add(name, message);
        return Optional<T>.Unset;
    }
}
