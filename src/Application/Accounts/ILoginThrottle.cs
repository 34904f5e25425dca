using System.Net;

namespace AssetManager.Application.Accounts;

/// <summary>Failed logins, counted per username and per client address over a window (WebApi keeps them in memory).</summary>
public interface ILoginThrottle
{
    /// <summary>
    /// Counts the login as failed before its password is checked, so that guesses sent in parallel cannot get past the
    /// limit; or, when the username or the address has no failures left, counts nothing and returns how long logins
    /// for it must wait.
    /// </summary>
    TimeSpan? CountInAdvance(string username, IPAddress? clientAddress);

    /// <summary>Takes back what <see cref="CountInAdvance"/> counted: the password was right, or it was never checked.</summary>
    void TakeBack(string username, IPAddress? clientAddress);
}
