using System.ComponentModel.DataAnnotations;

namespace AssetManager.Application.Accounts;

/// <summary>
/// <c>Auth:Throttle</c>: how many failed logins for one username, or from one client address, within the window make
/// further logins for it wait (contract section 2: 10, 100, 15 minutes). The username limit is also Identity's lockout
/// (docs/security.md).
/// </summary>
public sealed class LoginThrottleOptions
{
    public const string Section = "Auth:Throttle";

    [Range(1, 1_000_000, ErrorMessage = "Auth:Throttle:FailuresPerUsername must be between 1 and 1000000.")]
    public int FailuresPerUsername { get; set; } = 10;

    [Range(1, 1_000_000, ErrorMessage = "Auth:Throttle:FailuresPerAddress must be between 1 and 1000000.")]
    public int FailuresPerAddress { get; set; } = 100;

    [Range(1, 7 * 24 * 3600, ErrorMessage = "Auth:Throttle:WindowSeconds must be between 1 and 604800 (a week).")]
    public int WindowSeconds { get; set; } = 15 * 60;

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);
}
