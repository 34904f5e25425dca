using AssetManager.WebApi.Errors;

namespace AssetManager.WebApi.Endpoints;

/// <summary>The error responses each kind of endpoint documents in OpenAPI.</summary>
public static class EndpointDocs
{
    public static RouteHandlerBuilder ProducesAuthErrors(this RouteHandlerBuilder builder) =>
        builder.Produces<DetailBody>(StatusCodes.Status401Unauthorized);

    public static RouteHandlerBuilder ProducesNotFound(this RouteHandlerBuilder builder) =>
        builder.ProducesAuthErrors().Produces<DetailBody>(StatusCodes.Status404NotFound);

    public static RouteHandlerBuilder ProducesFieldErrors(this RouteHandlerBuilder builder) =>
        builder.Produces<Dictionary<string, string[]>>(StatusCodes.Status400BadRequest);

    /// <summary>429 with <c>Retry-After</c>: too many failed logins (contract section 2).</summary>
    public static RouteHandlerBuilder ProducesThrottled(this RouteHandlerBuilder builder) =>
        builder.Produces<DetailBody>(StatusCodes.Status429TooManyRequests);
}
