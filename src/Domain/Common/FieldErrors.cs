namespace AssetManager.Domain.Common;

/// <summary>Collects field errors in order, then throws them together.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new();

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
            _errors[field] = list = [];
        list.Add(message);
    }

    public FieldValidationException ToException() =>
        new(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

    public void ThrowIfAny()
    {
        if (Any) throw ToException();
    }
}
