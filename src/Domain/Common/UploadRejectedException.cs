namespace AssetManager.Domain.Common;

/// <summary>An upload the contract refuses with 400 <c>{"error": "..."}</c>.</summary>
public sealed class UploadRejectedException(string message) : DomainException(message);
