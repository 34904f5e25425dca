using AssetManager.Domain.Boxes;
using AssetManager.Domain.Common;

namespace AssetManager.Domain.Projects;

/// <summary>A user's body of work; holds boxes (scenes).</summary>
public sealed class Project : Entity
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 10_000;

    private Project() { }

    public int OwnerId { get; private set; }
    public string Name { get; private set; } = "";
    public string Description { get; private set; } = "";
    public List<Box> Boxes { get; private set; } = [];

    public static Project Create(int ownerId, string name, string description, DateTime utcNow)
    {
        var project = new Project { OwnerId = ownerId, Name = name, Description = description };
        project.Stamp(utcNow);
        return project;
    }

    public void Rename(string name, DateTime utcNow) { Name = name; Touch(utcNow); }
    public void Describe(string description, DateTime utcNow) { Description = description; Touch(utcNow); }
}
