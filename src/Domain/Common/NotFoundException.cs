namespace AssetManager.Domain.Common;

/// <summary>A resource that does not exist or belongs to someone else: both are the same 404.</summary>
public sealed class NotFoundException(string detail = "Not found.") : DomainException(detail);
