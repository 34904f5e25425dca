using AssetManager.Application.Common.Behaviors;
using AssetManager.Application.Common.Persistence;
using AssetManager.WebApi.Auth;
using AssetManager.WebApi.Auth.Throttling;
using AssetManager.WebApi.Endpoints;
using AssetManager.WebApi.Errors;
using AssetManager.WebApi.Hosting;
using AssetManager.WebApi.Http;
using AssetManager.WebApi.OpenApi;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Connections;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Net.Http.Headers;
using System.Text.Json.Serialization;

namespace AssetManager.WebApi;

public static class DependencyInjection
{
    /// <summary>
    /// The mediator (its source generator lives in this project, so handlers of every assembly are found here),
    /// JSON as DRF writes it, token authentication and login throttling, CORS, the error mapping, the OpenAPI document,
    /// Kestrel's connection limits and buffers, and the limits of request bodies.
    /// </summary>
    public static IServiceCollection AddWebApi(this IServiceCollection services)
    {
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(IAppDbContext)];
            options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>)];
        });
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.DictionaryKeyPolicy = null;
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            options.SerializerOptions.Converters.Add(new UtcDateTimeJsonConverter());
        });
        services.AddAuthentication(TokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        services.AddApiCors();
        services.AddLoginThrottling();
        services.AddConnectionLimits();
        services.AddBodyLimits();
        services.AddForwardedHeadersSettings();
        services.AddOptions<PublicUrlOptions>().BindConfiguration(PublicUrlOptions.Section)
            .Validate(o => o.BaseUrl.Length == 0 || Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _),
                "PublicUrl:BaseUrl must be an absolute URL such as https://assets.example.com.")
            .ValidateOnStart();
        services.AddSingleton<PublicBaseUrl>();
        services.AddOptions<StatusPageOptions>().BindConfiguration(StatusPageOptions.Section).ValidateOnStart();
        services.AddExceptionHandler<ExceptionMapper>();
        services.AddProblemDetails();
        services.AddOpenApi(options => options
            .AddDocumentTransformer<ApiDocumentTransformer>()
            .AddSchemaTransformer<ApiSchemaTransformer>()
            .AddOperationTransformer<SecurityRequirementTransformer>());
        // Kestrel refuses a header that is not ASCII with an empty 400; an Authorization header is a credential, so its
        // bytes are let through (as Latin-1) for the token handler to refuse with the contract's 401.
        services.Configure<KestrelServerOptions>(kestrel => kestrel.RequestHeaderEncodingSelector =
            name => name.Equals(HeaderNames.Authorization, StringComparison.OrdinalIgnoreCase) ? Encoding.Latin1 : null);
        // Kestrel receives into one memory-pool block at a time: 64 KiB blocks instead of its 4 KiB ones (ReceiveBufferPool).
        services.AddSingleton<IMemoryPoolFactory<byte>, ReceiveBufferPool.Factory>();
        return services;
    }
}
