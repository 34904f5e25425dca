using System.Diagnostics;

namespace AssetManager.EndToEndTests;

/// <summary>
/// The web app is JSDoc-typed JavaScript that tsc checks (docs/adr/0006): the check is a test, so a type error fails
/// `dotnet test` like any other. npm installs the pinned typescript from package-lock.json when it is missing.
/// </summary>
public sealed class TypeCheckTests
{
    [Fact]
    public void The_web_app_type_checks()
    {
        var root = RepositoryRoot();
        var tsc = Path.Combine(root, "node_modules", "typescript", "bin", "tsc");
        if (!File.Exists(tsc))
        {
            var install = Run(root, "npm", "ci", "--no-audit", "--no-fund");
            Assert.True(install.ExitCode == 0, $"npm ci failed:\n{install.Output}");
        }
        var check = Run(root, "node", tsc, "--noEmit", "-p", "tsconfig.json");
        Assert.True(check.ExitCode == 0, $"tsc found type errors in the web app:\n{check.Output}");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "tsconfig.json")) && File.Exists(Path.Combine(directory.FullName, "package-lock.json")))
                return directory.FullName;
        throw new InvalidOperationException("No tsconfig.json and package-lock.json above the test assembly.");
    }

    private static (int ExitCode, string Output) Run(string directory, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + errors.Result);
    }
}
