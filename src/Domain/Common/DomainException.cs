namespace AssetManager.Domain.Common;

/// <summary>Base of every error the domain and application raise on purpose.</summary>
public abstract class DomainException(string message, Exception? inner = null) : Exception(message, inner);
