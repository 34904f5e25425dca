using System.ComponentModel.DataAnnotations;

namespace AssetManager.Application.Accounts;

/// <summary>Section <c>Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// How long a token found valid is trusted without the database (docs/adr/0004); 0 turns it off, for several
    /// instances that must see a logout at once.
    /// </summary>
    [Range(0, 3600, ErrorMessage = "Auth:RememberTokensSeconds must be between 0 and 3600.")]
    public int RememberTokensSeconds { get; set; } = 30;
}
