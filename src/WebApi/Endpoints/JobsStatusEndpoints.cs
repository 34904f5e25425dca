using System.Net;
using System.Security.Claims;
using AssetManager.Application.Accounts.Queries.GetCurrentUser;
using AssetManager.Application.Jobs.Queries.GetJobsStatus;
using AssetManager.WebApi.Auth;
using AssetManager.WebApi.Errors;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AssetManager.WebApi.Endpoints;

/// <summary>Section <c>Jobs:StatusPage</c>: the job engine's status page, off unless enabled.</summary>
public sealed class StatusPageOptions
{
    public const string Section = "Jobs:StatusPage";

    public bool Enabled { get; set; }

    /// <summary>Users (by name) who may read it from anywhere with their token; otherwise only from this machine.</summary>
    public string[] AdminUsers { get; set; } = [];
}

/// <summary>
/// <c>GET /admin/jobs/</c>: the background work at a glance (the engine, the assets by processing state, the latest
/// failures). Off unless <c>Jobs:StatusPage:Enabled</c>; then for a request from this machine that no proxy forwarded,
/// or for an administrator's token (<c>Jobs:StatusPage:AdminUsers</c>); never for anyone else.
/// </summary>
public static class JobsStatusEndpoints
{
    public const string Path = "/admin/jobs/";

    public static void MapJobsStatusEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, async (HttpContext http, IMediator mediator, IOptions<StatusPageOptions> options) =>
            {
                if (!options.Value.Enabled) return Results.Json(ErrorResponses.NotFound, statusCode: StatusCodes.Status404NotFound);
                if (!IsLocalAndDirect(http) && await RefusalAsync(http, mediator, options.Value) is { } refusal) return refusal;
                return Results.Ok(await mediator.Send(new GetJobsStatusQuery(), http.RequestAborted));
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

    /// <summary>From this machine, and not through a proxy (which would make every outside request look local).</summary>
    private static bool IsLocalAndDirect(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
        && !http.Request.Headers.ContainsKey("X-Forwarded-For") && !http.Request.Headers.ContainsKey("Forwarded");

    private static async Task<IResult?> RefusalAsync(HttpContext http, IMediator mediator, StatusPageOptions options)
    {
        var auth = await http.AuthenticateAsync(TokenAuthenticationHandler.SchemeName);
        if (!auth.Succeeded)
        {
            await TokenAuthenticationHandler.WriteChallengeAsync(http, auth.Failure?.Message);
            return Results.Empty;
        }
        var userId = int.Parse(auth.Principal!.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var user = await mediator.Send(new GetCurrentUserQuery(userId), http.RequestAborted);
        return options.AdminUsers.Contains(user.Username, StringComparer.OrdinalIgnoreCase)
            ? null
            : Results.Json(new DetailBody("You do not have permission to perform this action."), statusCode: StatusCodes.Status403Forbidden);
    }
}
