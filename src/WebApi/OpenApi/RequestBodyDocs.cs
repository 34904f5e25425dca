using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AssetManager.WebApi.OpenApi;

/// <summary>
/// Documents a request body without <c>Accepts</c> metadata: that metadata also makes endpoint matching answer
/// other media types with a bare 415 before authentication and ownership checks, where the contract wants
/// 401, 404, or the upload's "File is required" first. The endpoints read their bodies themselves.
/// </summary>
public static class RequestBodyDocs
{
    public static RouteHandlerBuilder DocumentsBody<T>(this RouteHandlerBuilder builder, params string[] contentTypes) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken);
            var body = new OpenApiRequestBody { Required = true, Content = new Dictionary<string, OpenApiMediaType>() };
            foreach (var contentType in contentTypes.Length > 0 ? contentTypes : ["application/json"])
                body.Content[contentType] = new OpenApiMediaType { Schema = schema };
            operation.RequestBody = body;
        });
}
