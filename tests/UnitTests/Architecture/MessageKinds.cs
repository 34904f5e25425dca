using System.Reflection;
using FluentValidation;
using Mono.Cecil;
using NetArchTest.Rules;

namespace AssetManager.UnitTests.Architecture;

/// <summary>
/// What the mediator and FluentValidation see: handlers, commands, queries and validators, recognised by the
/// interfaces and base classes they implement. Each kind is found twice, by Mono.Cecil for NetArchTest and by
/// reflection, and the two must agree, so that a selection cannot quietly shrink.
/// </summary>
public static class MessageKinds
{
    public static readonly string[] HandlerInterfaces =
    [
        "Mediator.ICommandHandler`1", "Mediator.ICommandHandler`2", "Mediator.IQueryHandler`2", "Mediator.IRequestHandler`1",
        "Mediator.IRequestHandler`2", "Mediator.IStreamCommandHandler`2", "Mediator.IStreamQueryHandler`2",
        "Mediator.IStreamRequestHandler`2",
    ];

    public static readonly string[] CommandInterfaces = ["Mediator.ICommand", "Mediator.ICommand`1", "Mediator.IStreamCommand`1"];
    public static readonly string[] QueryInterfaces = ["Mediator.IQuery`1", "Mediator.IStreamQuery`1"];
    public static readonly string[] MessageInterfaces = [.. CommandInterfaces, .. QueryInterfaces];

    // ---- reflection -------------------------------------------------------------------------------------------

    private static string DefinitionName(Type type) =>
        (type.IsGenericType ? type.GetGenericTypeDefinition() : type).FullName!;

    public static bool Implements(Type type, string[] interfaces) =>
        type is { IsClass: true, IsAbstract: false } || type is { IsValueType: true }
            ? type.GetInterfaces().Any(i => interfaces.Contains(DefinitionName(i)))
            : false;

    public static IReadOnlyList<Type> Reflect(Assembly assembly, string[] interfaces) =>
        assembly.GetTypes().Where(t => Implements(t, interfaces)).ToList();

    public static Type? ValidatedType(Type type)
    {
        if (type.IsAbstract) return null;
        for (var t = type.BaseType; t is not null; t = t.BaseType)
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(AbstractValidator<>))
                return t.GetGenericArguments()[0];
        return null;
    }

    public static IReadOnlyList<Type> Validators(Assembly assembly) =>
        assembly.GetTypes().Where(t => ValidatedType(t) is not null).ToList();

    /// <summary>The message a handler handles (the first type argument of its handler interface).</summary>
    public static Type HandledMessage(Type handler) =>
        handler.GetInterfaces().First(i => HandlerInterfaces.Contains(DefinitionName(i))).GetGenericArguments()[0];

    /// <summary>"UploadAsset" for UploadAssetCommand.</summary>
    public static string UseCase(string messageName) =>
        messageName.EndsWith("Command") ? messageName[..^"Command".Length]
        : messageName.EndsWith("Query") ? messageName[..^"Query".Length]
        : messageName;

    // ---- the same through Mono.Cecil, for NetArchTest ---------------------------------------------------------

    private static string CecilDefinitionName(TypeReference type) =>
        (type is GenericInstanceType generic ? generic.ElementType : type).FullName;

    private static IEnumerable<TypeReference> CecilInterfaces(TypeDefinition type)
    {
        for (var t = type; t is not null; t = t.BaseType?.Resolve())
            foreach (var i in t.Interfaces)
                yield return i.InterfaceType;
    }

    public static ICustomRule ImplementsAny(string[] interfaces) =>
        new Custom(t => !t.IsInterface && !t.IsAbstract && CecilInterfaces(t).Any(i => interfaces.Contains(CecilDefinitionName(i))));

    public static ICustomRule IsValidator { get; } = new Custom(t =>
    {
        if (t.IsAbstract) return false;
        for (var b = t.BaseType; b is not null; b = b.Resolve()?.BaseType)
            if (CecilDefinitionName(b) == typeof(AbstractValidator<>).FullName) return true;
        return false;
    });

    /// <summary>A rule written against the reflection type of the Cecil type, where reflection says it better.</summary>
    public static ICustomRule ByReflection(Assembly assembly, Func<Type, bool> rule) =>
        new Custom(t => rule(assembly.GetType(t.FullName.Replace('/', '+'), throwOnError: true)!));

    private sealed class Custom(Func<TypeDefinition, bool> rule) : ICustomRule
    {
        public bool MeetsRule(TypeDefinition type) => rule(type);
    }
}
