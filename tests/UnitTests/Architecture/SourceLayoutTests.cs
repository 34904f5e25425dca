using System.Text.RegularExpressions;

namespace AssetManager.UnitTests.Architecture;

/// <summary>
/// Where a type is declared is where it is found: every source file's namespace is its project's root namespace plus
/// its folders, so a command in the wrong folder cannot hide behind the right namespace (or the other way round).
/// </summary>
public sealed partial class SourceLayoutTests
{
    private static readonly string[] Projects = ["Domain", "Application", "Infrastructure", "WebApi"];

    [Fact]
    public void Every_source_file_declares_the_namespace_of_its_folder()
    {
        var files = SourceFiles().ToList();
        Assert.True(files.Count > 100, $"found only {files.Count} source files under {SourceRoot}: the rule would prove nothing");

        var wrong = files
            .Where(f => Path.GetFileName(f.Path) != "Program.cs") // the composition root's top-level statements
            .Select(f => (f.Path, Declared: DeclaredNamespace(File.ReadAllText(f.Path)), Expected: ExpectedNamespace(f.Project, f.Path)))
            .Where(f => f.Declared != f.Expected)
            .Select(f => $"{Path.GetRelativePath(SourceRoot, f.Path)} declares {f.Declared ?? "no namespace"}, its folder says {f.Expected}")
            .ToList();

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Each_command_and_query_has_its_own_file_named_after_it()
    {
        var messages = MessageKinds.Reflect(Layers.ApplicationAssembly, MessageKinds.MessageInterfaces);
        Assert.NotEmpty(messages);
        var sources = SourceFiles().Where(f => f.Project == "Application").ToDictionary(f => Path.GetFileNameWithoutExtension(f.Path), f => f.Path);

        var missing = messages.Where(m => !sources.TryGetValue(m.Name, out var path)
                || ExpectedNamespace("Application", path) != m.Namespace
                || !Regex.IsMatch(File.ReadAllText(path), $@"\brecord\s+{m.Name}\b"))
            .Select(m => $"{m.FullName} is not declared in Application/{m.Namespace!["AssetManager.Application.".Length..].Replace('.', '/')}/{m.Name}.cs")
            .ToList();

        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    private static string SourceRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "AssetManager.sln"))) return Path.Combine(dir.FullName, "src");
            throw new InvalidOperationException("AssetManager.sln not found above " + AppContext.BaseDirectory);
        }
    }

    private static IEnumerable<(string Project, string Path)> SourceFiles() =>
        from project in Projects
        from path in Directory.EnumerateFiles(Path.Combine(SourceRoot, project), "*.cs", SearchOption.AllDirectories)
        let relative = Path.GetRelativePath(Path.Combine(SourceRoot, project), path)
        where !relative.StartsWith("obj" + Path.DirectorySeparatorChar) && !relative.StartsWith("bin" + Path.DirectorySeparatorChar)
        select (project, path);

    private static string ExpectedNamespace(string project, string path)
    {
        var folder = Path.GetRelativePath(Path.Combine(SourceRoot, project), Path.GetDirectoryName(path)!);
        return folder == "." ? $"AssetManager.{project}" : $"AssetManager.{project}.{folder.Replace(Path.DirectorySeparatorChar, '.')}";
    }

    private static string? DeclaredNamespace(string source) => NamespaceDeclaration().Match(source) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*[;{]", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();
}
