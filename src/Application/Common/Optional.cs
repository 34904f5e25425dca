namespace AssetManager.Application.Common;

/// <summary>A PATCH field: absent, or present with a value (which may be null).</summary>
public readonly record struct Optional<T>(bool IsSet, T Value)
{
    public static Optional<T> Unset => default;
    public static implicit operator Optional<T>(T value) => new(true, value);
}
