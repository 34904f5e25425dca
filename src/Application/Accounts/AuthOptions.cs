using System.ComponentModel.DataAnnotations;

namespace AssetManager.Application.Accounts;

/// <summary>Section <c>Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// How long a token found valid is trusted without the database (docs/adr/0004); 0 turns it off. Unset: 30 s on
    /// SQLite (one instance), 0 on a server database, where several instances must see a logout at once (docs/adr/0008).
    /// </summary>
    [Range(0, 3600, ErrorMessage = "Auth:RememberTokensSeconds must be between 0 and 3600.")]
    public int? RememberTokensSeconds { get; set; }
}
