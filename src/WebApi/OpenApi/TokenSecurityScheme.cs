using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AssetManager.WebApi.OpenApi;

/// <summary>Documents the <c>Authorization: Token &lt;key&gt;</c> scheme.</summary>
internal sealed class TokenSecurityScheme : IOpenApiDocumentTransformer
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
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Token", document)] = [] });
        return Task.CompletedTask;
    }
}
