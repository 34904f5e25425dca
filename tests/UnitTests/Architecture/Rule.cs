using NetArchTest.Rules;

namespace AssetManager.UnitTests.Architecture;

/// <summary>
/// Runs a NetArchTest rule and refuses a vacuous pass: the selection must hold at least one type
/// (and exactly <paramref name="expectedCount"/> when a second opinion on the selection is given).
/// </summary>
public static class Rule
{
    public static void Check(string rule, Func<PredicateList> select, Func<Conditions, ConditionList> should, int? expectedCount = null)
    {
        var selected = select().GetTypes().ToList();
        Assert.True(selected.Count > 0, $"{rule}: the rule selected no types, so it proves nothing");
        if (expectedCount is { } count)
            Assert.True(selected.Count == count,
                $"{rule}: selected {selected.Count} types but reflection finds {count}: {string.Join(", ", selected.Select(t => t.Name))}");

        var result = should(select().Should()).GetResult();

        Assert.True(result.IsSuccessful,
            $"{rule}: broken by {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    /// <summary>The same for a rule over assembly references.</summary>
    public static void CheckReferences(string rule, System.Reflection.Assembly assembly, Func<string, bool> forbidden)
    {
        var references = assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.True(references.Count > 0, $"{rule}: {assembly.GetName().Name} references nothing, so the rule proves nothing");
        var bad = references.Where(forbidden).ToList();
        Assert.True(bad.Count == 0, $"{rule}: {assembly.GetName().Name} references {string.Join(", ", bad)}");
    }
}
