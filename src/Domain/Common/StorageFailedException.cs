namespace AssetManager.Domain.Common;

/// <summary>The object store could not take the file (500, "Failed to upload file: reason"); the cause is the inner exception.</summary>
public sealed class StorageFailedException(string reason, Exception? inner = null)
    : DomainException($"Failed to upload file: {reason}", inner)
{
    public string Reason { get; } = reason;
}
