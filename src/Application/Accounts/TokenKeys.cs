using System.Security.Cryptography;
using System.Text;

namespace AssetManager.Application.Accounts;

/// <summary>Token keys: 160 random bits as 40 hex chars (like DRF's), kept only as a SHA-256 hash.</summary>
public static class TokenKeys
{
    public static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
