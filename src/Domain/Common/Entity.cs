namespace AssetManager.Domain.Common;

/// <summary>An entity with an integer key and UTC creation and update times.</summary>
public abstract class Entity
{
    public int Id { get; protected set; }
    public DateTime CreatedAt { get; protected set; }
    public DateTime UpdatedAt { get; protected set; }

    protected void Stamp(DateTime utcNow)
    {
        if (CreatedAt == default) CreatedAt = utcNow;
        UpdatedAt = utcNow;
    }

    public void Touch(DateTime utcNow) => UpdatedAt = utcNow;
}
