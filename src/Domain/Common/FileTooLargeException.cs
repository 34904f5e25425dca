namespace AssetManager.Domain.Common;

/// <summary>The upload went past the configured limit (413).</summary>
public sealed class FileTooLargeException(long maxBytes)
    : DomainException($"File too large. Maximum size is {maxBytes} bytes.")
{
    public long MaxBytes { get; } = maxBytes;
}
