using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using AssetManager.Application.Accounts.Queries.AuthenticateToken;
using AssetManager.WebApi.Errors;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AssetManager.WebApi.Auth;

/// <summary>
/// DRF's TokenAuthentication: <c>Authorization: Token &lt;key&gt;</c>, with <c>Bearer</c> as a synonym.
/// A 401 carries <c>WWW-Authenticate: Token</c> and DRF's detail message.
/// </summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IMediator mediator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Token";
    public const string TokenKeyItem = "auth.token";
    public const string InvalidToken = "Invalid token.";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(header)) return AuthenticateResult.NoResult();
        var parts = header.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!parts[0].Equals("Token", StringComparison.OrdinalIgnoreCase) && !parts[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        if (parts.Length == 1) return AuthenticateResult.Fail("Invalid token header. No credentials provided.");
        if (parts.Length > 2) return AuthenticateResult.Fail("Invalid token header. Token string should not contain spaces.");

        var key = parts[1];
        if (!Ascii.IsValid(key)) return AuthenticateResult.Fail(InvalidToken); // keys are hex: bytes that are not cannot match
        var userId = await mediator.Send(new AuthenticateTokenQuery(key), Context.RequestAborted);
        if (userId is null) return AuthenticateResult.Fail(InvalidToken);

        Context.Items[TokenKeyItem] = key;
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId.Value.ToString())], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        await WriteChallengeAsync(Context, result.Failure?.Message);
    }

    public static Task WriteChallengeAsync(HttpContext context, string? failure)
    {
        context.Response.Headers.WWWAuthenticate = SchemeName;
        return ErrorResponses.WriteAsync(context, StatusCodes.Status401Unauthorized,
            new DetailBody(failure ?? ErrorResponses.NotAuthenticated));
    }
}
