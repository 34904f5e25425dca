using System.Reflection;
using AssetManager.Application.Common.Persistence;
using AssetManager.Domain.Assets;
using AssetManager.Infrastructure.Persistence;
using AssetManager.WebApi.Uploads;
using NetArchTest.Rules;

namespace AssetManager.UnitTests.Architecture;

/// <summary>The four assemblies, loaded through a type each so that none can silently be missing.</summary>
public static class Layers
{
    public static readonly Assembly DomainAssembly = typeof(Asset).Assembly;
    public static readonly Assembly ApplicationAssembly = typeof(IAppDbContext).Assembly;
    public static readonly Assembly InfrastructureAssembly = typeof(AppDbContext).Assembly;
    public static readonly Assembly WebApiAssembly = typeof(MultipartUploadForm).Assembly;

    public const string DomainNamespace = "AssetManager.Domain";
    public const string ApplicationNamespace = "AssetManager.Application";
    public const string InfrastructureNamespace = "AssetManager.Infrastructure";
    public const string WebApiNamespace = "AssetManager.WebApi";

    /// <summary>Our own types of an assembly (not the compiler's embedded attributes and helpers).</summary>
    public static PredicateList OwnTypes(Assembly assembly, string rootNamespace) =>
        Types.InAssembly(assembly).That().ResideInNamespaceStartingWith(rootNamespace);
}
