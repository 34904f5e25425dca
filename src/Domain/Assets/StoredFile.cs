namespace AssetManager.Domain.Assets;

/// <summary>An object written to storage: its key and public URL, and when known its size and SHA-256 (lower-case hex).</summary>
public sealed record StoredFile(string Key, string Url, long Size = 0, string? Sha256 = null);
