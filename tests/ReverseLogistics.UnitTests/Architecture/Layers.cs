using System.Reflection;
using ReverseLogistics.Contracts;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.Storage;

namespace ReverseLogistics.UnitTests.Architecture;

/// <summary>The platform's assemblies, by the layer each is.</summary>
public static class Layers
{
    public static Assembly Domain { get; } = typeof(Caller).Assembly;
    public static Assembly GrainAbstractions { get; } = typeof(Grains.GrainKeys).Assembly;
    public static Assembly Grains { get; } = typeof(Grains.PlatformClock).Assembly;
    public static Assembly Storage { get; } = typeof(IActorStore).Assembly;
    public static Assembly Contracts { get; } = typeof(PublicContract).Assembly;
    public static Assembly Silo { get; } = typeof(SiloHost).Assembly;

    /// <summary>The names of the assemblies <paramref name="assembly"/> was compiled against and uses.</summary>
    public static IReadOnlyList<string> ReferencesOf(Assembly assembly) => [.. assembly.GetReferencedAssemblies().Select(a => a.Name!)];

    /// <summary>Whether <paramref name="assemblyName"/> is one of <paramref name="families"/> or in one (a family "Orleans" holds "Orleans.Core").</summary>
    public static bool IsIn(string assemblyName, IEnumerable<string> families) =>
        families.Any(family => assemblyName == family || assemblyName.StartsWith(family + ".", StringComparison.Ordinal));
}
