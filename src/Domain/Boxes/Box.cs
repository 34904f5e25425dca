using AssetManager.Domain.Assets;
using AssetManager.Domain.Common;
using AssetManager.Domain.Projects;

namespace AssetManager.Domain.Boxes;

/// <summary>A scene inside a project; holds assets.</summary>
public sealed class Box : Entity
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 10_000;

    private Box() { }

    public int ProjectId { get; private set; }
    public Project? Project { get; private set; }
    public string Name { get; private set; } = "";
    public string Description { get; private set; } = "";
    public List<Asset> Assets { get; private set; } = [];

    public static Box Create(int projectId, string name, string description, DateTime utcNow)
    {
        var box = new Box { ProjectId = projectId, Name = name, Description = description };
        box.Stamp(utcNow);
        return box;
    }

    public void Rename(string name, DateTime utcNow) { Name = name; Touch(utcNow); }
    public void Describe(string description, DateTime utcNow) { Description = description; Touch(utcNow); }
    public void MoveTo(int projectId, DateTime utcNow) { ProjectId = projectId; Touch(utcNow); }
}
