namespace AssetManager.Domain.Common;

/// <summary>Field errors in the order the fields were checked, DRF serializer style.</summary>
public sealed class FieldValidationException : DomainException
{
    public FieldValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base("One or more fields are invalid.") => Errors = errors;

    public FieldValidationException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] }) { }

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
