using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace ReverseLogistics.UnitTests.Architecture;

/// <summary>
/// Which source files the code of each type was compiled from, as the assembly's portable PDB records it
/// (code of nested and compiler-generated types counts for the type they sit in). Generated files are left out.
/// </summary>
public static class SourceFiles
{
    public static IReadOnlyDictionary<Type, IReadOnlySet<string>> ByType(Assembly assembly)
    {
        var pdbPath = Path.ChangeExtension(assembly.Location, ".pdb");
        Assert.True(File.Exists(pdbPath), $"No portable PDB beside {assembly.Location}: the rule cannot see source files.");
        using var provider = MetadataReaderProvider.FromPortablePdbStream(File.OpenRead(pdbPath));
        var pdb = provider.GetMetadataReader();

        var files = new Dictionary<Type, HashSet<string>>();
        foreach (var type in assembly.GetTypes())
        {
            var owner = Outermost(type);
            if (!files.TryGetValue(owner, out var ofOwner)) files[owner] = ofOwner = [];
            const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
            foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
            {
                var debug = pdb.GetMethodDebugInformation(MetadataTokens.MethodDefinitionHandle(method.MetadataToken));
                foreach (var point in debug.GetSequencePoints())
                {
                    var path = pdb.GetString(pdb.GetDocument(point.Document).Name);
                    if (!path.EndsWith(".g.cs", StringComparison.Ordinal)) ofOwner.Add(path);
                }
            }
        }
        return files.ToDictionary(entry => entry.Key, entry => (IReadOnlySet<string>)entry.Value);
    }

    private static Type Outermost(Type type) => type.DeclaringType is { } declaring ? Outermost(declaring) : type;
}
