namespace AssetManager.Application.Common.Storage;

/// <summary>Unique object names: <c>folder/&lt;32 hex chars of a random UUID&gt;.ext</c>; the original name never appears.</summary>
public static class ObjectKeys
{
    public const string UploadsFolder = "uploads";

    public static string NewKey(string extension, string folder = UploadsFolder) =>
        $"{folder}/{Guid.NewGuid():N}{extension.ToLowerInvariant()}";
}
