using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AssetManager.WebApi.OpenApi;

/// <summary>
/// What the generator cannot see: timestamps are strings (their converter hides the type), and in a request body a
/// field that may be null may also be left out (the generator makes every constructor parameter required).
/// </summary>
internal sealed class ApiSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(DateTime) || type == typeof(DateTime?))
        {
            schema.Type = type == typeof(DateTime) ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Format = "date-time";
        }
        if (type.Name.EndsWith("Request", StringComparison.Ordinal) && schema.Required is { Count: > 0 } required && schema.Properties is { } properties)
            foreach (var (name, property) in properties)
                if (property.Type is { } propertyType && propertyType.HasFlag(JsonSchemaType.Null)) required.Remove(name);
        return Task.CompletedTask;
    }
}
