using System.Security.Claims;

namespace AssetManager.WebApi.Auth;

public static class UserExtensions
{
    /// <summary>The authenticated caller's id (endpoints that use it require authorization).</summary>
    public static int UserId(this HttpContext context) =>
        int.Parse(context.User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public static string TokenKey(this HttpContext context) =>
        (string)context.Items[TokenAuthenticationHandler.TokenKeyItem]!;
}
