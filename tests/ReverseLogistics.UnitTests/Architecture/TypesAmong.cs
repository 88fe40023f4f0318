using Mono.Cecil;
using NetArchTest.Rules;

namespace ReverseLogistics.UnitTests.Architecture;

/// <summary>Selects exactly the given top-level types (NetArchTest's HaveName with several names selects none: it ANDs them).</summary>
public sealed class TypesAmong(IEnumerable<Type> types) : ICustomRule
{
    private readonly HashSet<string> fullNames = [.. types.Select(type => type.FullName!)];

    public bool MeetsRule(TypeDefinition type) => fullNames.Contains(type.FullName);
}
