using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AssetManager.WebApi.OpenApi;

/// <summary>Titles the document, defines the <c>Authorization: Token &lt;key&gt;</c> scheme and restores the routes' trailing slash.</summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "AssetManager API";
        document.Info.Description = "Projects, boxes and AI-generated assets stored in S3. " +
            "Authenticate with the header `Authorization: Token <key>` from POST /api/auth/token/.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Token"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "Authorization",
            Description = "Token <key>",
        };
        // The generator trims the trailing slash the contract's routes have (both forms are served).
        var paths = new OpenApiPaths();
        foreach (var (path, item) in document.Paths) paths[path.EndsWith('/') ? path : path + "/"] = item;
        document.Paths = paths;
        return Task.CompletedTask;
    }
}
