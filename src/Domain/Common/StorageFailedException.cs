namespace AssetManager.Domain.Common;

/// <summary>The object store could not take the file (500, "Failed to upload file: reason").</summary>
public sealed class StorageFailedException(string reason, Exception? inner = null)
    : DomainException($"Failed to upload file: {reason}")
{
    public string Reason { get; } = reason;
    public new Exception? InnerException { get; } = inner;
}
