using System.Net;
using AssetManager.Application.Accounts;
using Microsoft.AspNetCore.Identity;

namespace AssetManager.WebApi.Auth.Throttling;

/// <summary>
/// <see cref="ILoginThrottle"/> over this process's <see cref="LoginFailures"/>. Usernames are normalised as Identity
/// normalises them (so "Alice" and "ALICE" share a count), addresses as <see cref="ClientAddressKey"/> says.
/// </summary>
public sealed class LoginThrottle(LoginFailures failures, ILookupNormalizer normalizer) : ILoginThrottle
{
    public TimeSpan? CountInAdvance(string username, IPAddress? clientAddress) =>
        failures.TryCount(UsernameKey(username), ClientAddressKey.For(clientAddress));

    public void TakeBack(string username, IPAddress? clientAddress) =>
        failures.Uncount(UsernameKey(username), ClientAddressKey.For(clientAddress));

    private string UsernameKey(string username) => normalizer.NormalizeName(username) ?? username;
}
