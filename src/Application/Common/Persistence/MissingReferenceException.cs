namespace AssetManager.Application.Common.Persistence;

/// <summary>A row was refused because a row it refers to (a foreign key) is gone, deleted since it was read.</summary>
public sealed class MissingReferenceException(Exception inner)
    : Exception("A row this one refers to is no longer in the database.", inner);
