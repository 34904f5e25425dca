namespace AssetManager.Domain.Accounts;

/// <summary>A revocable API token. Only the SHA-256 hash of the key is kept.</summary>
public sealed class AuthToken
{
    private AuthToken() { }

    public AuthToken(int userId, string keyHash, DateTime createdAt)
    {
        UserId = userId;
        KeyHash = keyHash;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }
    public int UserId { get; private set; }
    public string KeyHash { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
}
