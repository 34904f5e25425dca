using AssetManager.Application.Accounts;
using AssetManager.Application.Accounts.Commands.Logout;
using AssetManager.Application.Accounts.Commands.LogoutAll;
using AssetManager.Application.Accounts.Commands.ObtainToken;
using AssetManager.Application.Accounts.Commands.Register;
using AssetManager.Application.Accounts.Queries.GetCurrentUser;
using AssetManager.WebApi.Auth;
using AssetManager.WebApi.Http;
using AssetManager.WebApi.OpenApi;
using Mediator;

namespace AssetManager.WebApi.Endpoints;

/// <summary>Section 2: register, token, logout, logout everywhere, me.</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Accounts");

        auth.MapPost("/register/", async (HttpContext http, IMediator mediator) =>
            {
                var fields = new FieldReader(await RequestBody.ReadAsync(http.Request, http.RequestAborted));
                var command = new RegisterCommand(fields.String("username"), fields.String("password", trim: false), fields.String("email"));
                fields.ThrowIfErrors();
                return Results.Created((string?)null, await mediator.Send(command, http.RequestAborted));
            })
            .AllowAnonymous()
            .DocumentsBody<RegisterRequest>("application/json")
            .Produces<RegisteredUserDto>(StatusCodes.Status201Created)
            .ProducesFieldErrors()
            .WithSummary("Create an account and get its first token");

        auth.MapPost("/token/", async (HttpContext http, IMediator mediator) =>
            {
                var fields = new FieldReader(await RequestBody.ReadAsync(http.Request, http.RequestAborted));
                var command = new ObtainTokenCommand(fields.String("username"), fields.String("password", trim: false),
                    http.Connection.RemoteIpAddress);
                fields.ThrowIfErrors();
                return Results.Ok(await mediator.Send(command, http.RequestAborted));
            })
            .AllowAnonymous()
            .DocumentsBody<LoginRequest>("application/json", "application/x-www-form-urlencoded", "multipart/form-data")
            .Produces<TokenDto>()
            .ProducesFieldErrors()
            .ProducesThrottled()
            .WithSummary("Exchange a username and password for a new token");

        auth.MapPost("/logout/", async (HttpContext http, IMediator mediator) =>
            {
                await mediator.Send(new LogoutCommand(http.TokenKey()), http.RequestAborted);
                return Results.NoContent();
            })
            .Produces(StatusCodes.Status204NoContent)
            .ProducesAuthErrors()
            .WithSummary("Revoke the token this request was made with");

        auth.MapPost("/logout-all/", async (HttpContext http, IMediator mediator) =>
            {
                await mediator.Send(new LogoutAllCommand(http.UserId()), http.RequestAborted);
                return Results.NoContent();
            })
            .Produces(StatusCodes.Status204NoContent)
            .ProducesAuthErrors()
            .WithSummary("Revoke every token of this account: sign out everywhere");

        auth.MapGet("/me/", async (HttpContext http, IMediator mediator) =>
                Results.Ok(await mediator.Send(new GetCurrentUserQuery(http.UserId()), http.RequestAborted)))
            .Produces<UserDto>()
            .ProducesAuthErrors()
            .WithSummary("The account the token belongs to");
    }

    public sealed record RegisterRequest(string Username, string Password, string? Email);

    public sealed record LoginRequest(string Username, string Password);
}
