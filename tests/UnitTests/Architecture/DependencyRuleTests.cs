using NetArchTest.Rules;
using static AssetManager.UnitTests.Architecture.Layers;

namespace AssetManager.UnitTests.Architecture;

/// <summary>The dependency rule of docs/architecture: Domain &lt;- Application &lt;- Infrastructure &lt;- WebApi.</summary>
public sealed class DependencyRuleTests
{
    private static readonly string[] ForbiddenInApplication =
    [
        InfrastructureNamespace, WebApiNamespace, "Amazon", "Microsoft.AspNetCore",
        "Microsoft.EntityFrameworkCore.Sqlite", "Microsoft.EntityFrameworkCore.SqlServer",
        "Microsoft.Data.Sqlite", "Microsoft.Data.SqlClient", "Npgsql",
    ];

    private static bool IsBaseLibrary(string assembly) =>
        assembly is "netstandard" or "mscorlib" || assembly == "System" || assembly.StartsWith("System.", StringComparison.Ordinal);

    [Fact]
    public void Domain_types_depend_only_on_the_base_library_and_the_domain() =>
        Rule.Check("Domain depends on nothing of ours or any package",
            () => OwnTypes(DomainAssembly, DomainNamespace),
            // "" is the global namespace, where the compiler keeps its own <PrivateImplementationDetails> (the data of
            // u8 literals and array initialisers). It lets nothing else through (checked: a Mapster use in Domain fails).
            should => should.OnlyHaveDependenciesOn("System", DomainNamespace, ""));

    [Fact]
    public void Domain_assembly_references_only_the_base_library() =>
        Rule.CheckReferences("Domain references no package or project", DomainAssembly, name => !IsBaseLibrary(name));

    [Fact]
    public void Application_types_do_not_depend_on_infrastructure_web_aws_or_ef_providers() =>
        Rule.Check("Application does not depend on Infrastructure, WebApi, AWS, ASP.NET Core or EF providers",
            () => OwnTypes(ApplicationAssembly, ApplicationNamespace),
            should => should.NotHaveDependencyOnAny(ForbiddenInApplication));

    [Fact]
    public void Application_assembly_does_not_reference_infrastructure_web_aws_or_ef_providers() =>
        // Namespaces alone miss some: UseSqlite and UseSqlServer live in namespace Microsoft.EntityFrameworkCore.
        Rule.CheckReferences("Application references no Infrastructure, WebApi, AWS, ASP.NET Core or EF provider", ApplicationAssembly,
            name => ForbiddenInApplication.Any(f => name.StartsWith(f, StringComparison.Ordinal)) || name.StartsWith("AWSSDK", StringComparison.Ordinal));

    [Fact]
    public void Infrastructure_types_do_not_depend_on_the_web_api() =>
        Rule.Check("Infrastructure does not depend on WebApi",
            () => OwnTypes(InfrastructureAssembly, InfrastructureNamespace),
            should => should.NotHaveDependencyOn(WebApiNamespace));

    [Fact]
    public void WebApi_touches_infrastructure_only_in_its_composition_root() =>
        // Every type of the assembly, whatever its namespace, but Program (Program.cs) and what the compiler nests in it.
        Rule.Check("WebApi depends on Infrastructure only in Program.cs",
            () => Types.InAssembly(WebApiAssembly).That().MeetCustomRule(new OutsideProgram()),
            should => should.NotHaveDependencyOn(InfrastructureNamespace));

    private sealed class OutsideProgram : ICustomRule
    {
        public bool MeetsRule(Mono.Cecil.TypeDefinition type)
        {
            for (var t = type; t is not null; t = t.DeclaringType)
                if (t.Namespace.Length == 0 && t.Name == "Program") return false;
            return true;
        }
    }

    // No assembly-reference twin for Infrastructure -> WebApi: WebApi references Infrastructure, so MSBuild already
    // refuses the cycle, and a rule that cannot fail is not a rule.

    [Fact]
    public void Domain_and_application_do_not_depend_on_the_outer_layers()
    {
        // Also the short way round, so that a rename of a namespace root cannot empty the checks above.
        Assert.NotEmpty(OwnTypes(DomainAssembly, DomainNamespace).GetTypes());
        Assert.NotEmpty(OwnTypes(ApplicationAssembly, ApplicationNamespace).GetTypes());
        Assert.NotEmpty(OwnTypes(InfrastructureAssembly, InfrastructureNamespace).GetTypes());
        Assert.NotEmpty(OwnTypes(WebApiAssembly, WebApiNamespace).GetTypes());
        Rule.Check("Domain does not depend on Application", () => OwnTypes(DomainAssembly, DomainNamespace),
            should => should.NotHaveDependencyOnAny(ApplicationNamespace, InfrastructureNamespace, WebApiNamespace));
    }
}
