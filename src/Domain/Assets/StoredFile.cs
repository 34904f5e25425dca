namespace AssetManager.Domain.Assets;

/// <summary>An object written to storage: its key and public URL.</summary>
public sealed record StoredFile(string Key, string Url);
