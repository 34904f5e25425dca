namespace AssetManager.Infrastructure.Import;

/// <summary>Why a connection for an import was not made (an address it may not reach, a name that does not resolve, a timeout).</summary>
public sealed class ImportRefusedException(string message) : Exception(message);
