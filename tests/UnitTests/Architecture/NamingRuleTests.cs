using System.Reflection;
using NetArchTest.Rules;
using static AssetManager.UnitTests.Architecture.Layers;
using static AssetManager.UnitTests.Architecture.MessageKinds;

namespace AssetManager.UnitTests.Architecture;

/// <summary>Naming and shape of the CQRS parts: handlers, commands, queries, validators, one use case per folder.</summary>
public sealed class NamingRuleTests
{
    private static PredicateList Handlers() => Types.InAssembly(ApplicationAssembly).That().MeetCustomRule(ImplementsAny(HandlerInterfaces));
    private static PredicateList Commands() => Types.InAssembly(ApplicationAssembly).That().MeetCustomRule(ImplementsAny(CommandInterfaces));
    private static PredicateList Queries() => Types.InAssembly(ApplicationAssembly).That().MeetCustomRule(ImplementsAny(QueryInterfaces));
    private static PredicateList Messages() => Types.InAssembly(ApplicationAssembly).That().MeetCustomRule(ImplementsAny(MessageInterfaces));
    private static PredicateList Validators() => Types.InAssembly(ApplicationAssembly).That().MeetCustomRule(IsValidator);

    private static int HandlerCount => Reflect(ApplicationAssembly, HandlerInterfaces).Count;
    private static int CommandCount => Reflect(ApplicationAssembly, CommandInterfaces).Count;
    private static int QueryCount => Reflect(ApplicationAssembly, QueryInterfaces).Count;
    private static int MessageCount => Reflect(ApplicationAssembly, MessageInterfaces).Count;

    [Fact]
    public void Handlers_are_sealed() =>
        Rule.Check("handlers are sealed", Handlers, should => should.BeSealed(), HandlerCount);

    [Fact]
    public void Handlers_are_internal() =>
        Rule.Check("handlers are internal", Handlers, should => should.NotBePublic().And().NotBeNestedPublic(), HandlerCount);

    [Fact]
    public void Handlers_are_named_Handler() =>
        Rule.Check("handlers are named *Handler", Handlers, should => should.HaveNameEndingWith("Handler"), HandlerCount);

    [Fact]
    public void Handlers_sit_beside_their_message_and_are_named_after_its_use_case() =>
        Rule.Check("a handler is <UseCase>Handler in its message's namespace", Handlers,
            should => should.MeetCustomRule(ByReflection(ApplicationAssembly, handler =>
            {
                var message = HandledMessage(handler);
                return handler.Namespace == message.Namespace && handler.Name == UseCase(message.Name) + "Handler";
            })), HandlerCount);

    [Fact]
    public void Commands_are_records_named_Command() =>
        Rule.Check("commands are records named *Command", Commands,
            should => should.HaveNameEndingWith("Command").And().MeetCustomRule(ByReflection(ApplicationAssembly, IsRecord)), CommandCount);

    [Fact]
    public void Queries_are_records_named_Query() =>
        Rule.Check("queries are records named *Query", Queries,
            should => should.HaveNameEndingWith("Query").And().MeetCustomRule(ByReflection(ApplicationAssembly, IsRecord)), QueryCount);

    [Fact]
    public void Commands_and_queries_are_sealed_record_classes_that_cannot_change() =>
        Rule.Check("commands and queries are sealed record classes with no settable property", Messages,
            should => should.BeSealed().And().MeetCustomRule(ByReflection(ApplicationAssembly, message =>
                !message.IsValueType && IsRecord(message) && !message.GetProperties().Any(IsSettable))), MessageCount);

    [Fact]
    public void Commands_live_under_Commands() =>
        Rule.Check("commands live in <Feature>.Commands.<UseCase>", Commands,
            should => should.ResideInNamespaceMatching(@"^AssetManager\.Application\.\w+\.Commands\.\w+$"), CommandCount);

    [Fact]
    public void Queries_live_under_Queries() =>
        Rule.Check("queries live in <Feature>.Queries.<UseCase>", Queries,
            should => should.ResideInNamespaceMatching(@"^AssetManager\.Application\.\w+\.Queries\.\w+$"), QueryCount);

    [Fact]
    public void One_use_case_per_folder_named_after_it()
    {
        var messagesPerNamespace = Reflect(ApplicationAssembly, MessageInterfaces).GroupBy(t => t.Namespace).ToDictionary(g => g.Key!, g => g.Count());
        Rule.Check("one use case per folder, the folder named after it", Messages,
            should => should.MeetCustomRule(ByReflection(ApplicationAssembly, message =>
                message.Namespace!.EndsWith("." + UseCase(message.Name), StringComparison.Ordinal)
                && messagesPerNamespace[message.Namespace] == 1)),
            MessageCount);
    }

    // "Every message has exactly one handler" needs no test: the Mediator source generator already fails the
    // build (MSG0005) for a message without a handler.

    [Fact]
    public void Validators_are_named_Validator() =>
        Rule.Check("validators are named *Validator", Validators,
            should => should.HaveNameEndingWith("Validator"), MessageKinds.Validators(ApplicationAssembly).Count);

    [Fact]
    public void Validators_sit_beside_their_command_and_are_named_after_it() =>
        Rule.Check("a validator is <UseCase>Validator in its command's namespace", Validators,
            should => should.MeetCustomRule(ByReflection(ApplicationAssembly, validator =>
            {
                var message = ValidatedType(validator)!;
                return validator.Namespace == message.Namespace && validator.Name == UseCase(message.Name) + "Validator";
            })), MessageKinds.Validators(ApplicationAssembly).Count);

    [Fact]
    public void No_handlers_or_validators_outside_the_application()
    {
        // Whatever their namespace: a handler elsewhere is never registered (the generator scans Application only).
        foreach (var assembly in new[] { DomainAssembly, InfrastructureAssembly, WebApiAssembly })
        {
            var handlers = Reflect(assembly, HandlerInterfaces);
            Assert.True(handlers.Count == 0, $"handlers outside Application: {string.Join(", ", handlers.Select(t => t.FullName))}");
            Assert.True(MessageKinds.Validators(assembly).Count == 0,
                $"validators outside Application: {string.Join(", ", MessageKinds.Validators(assembly).Select(t => t.FullName))}");
        }
    }

    /// <summary>A public setter that is not init-only (init setters carry the IsExternalInit modifier).</summary>
    private static bool IsSettable(PropertyInfo property) =>
        property.SetMethod is { IsPublic: true } setter
        && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit));

    private static bool IsRecord(Type type) =>
        type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not null
        || (type.IsValueType && type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null);
}
