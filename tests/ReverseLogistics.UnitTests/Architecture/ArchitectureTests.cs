using System.Reflection;
using Google.Protobuf;
using Grpc.Core;
using NetArchTest.Rules;
using Orleans;

namespace ReverseLogistics.UnitTests.Architecture;

/// <summary>
/// The layering DESIGN.md asks for, checked on the built assemblies: the domain depends on nothing, grains never
/// see protobuf, every grain is sealed and alone in its file, and the gRPC services reach the store only through
/// grains and the silo's directories.
/// </summary>
public sealed class ArchitectureTests
{
    /// <summary>Frameworks, drivers and the platform's other layers, by assembly family.</summary>
    private static readonly string[] OutsideTheDomain =
    [
        "Orleans", "Microsoft.Orleans", "Grpc", "Google.Protobuf", "Npgsql", "Microsoft.Data.Sqlite", "SQLitePCLRaw", "Microsoft.AspNetCore",
        "Microsoft.Extensions.Hosting", "Quartz", "OpenTelemetry", "ReverseLogistics.Storage", "ReverseLogistics.Contracts", "ReverseLogistics.Silo",
        "ReverseLogistics.Labels",
    ];

    /// <summary>What does I/O: files, processes, the network, databases and the console.</summary>
    private static readonly string[] InputOutput =
    [
        "System.IO.File", "System.IO.FileInfo", "System.IO.FileStream", "System.IO.Directory", "System.IO.DirectoryInfo", "System.IO.Pipes",
        "System.Net", "System.Data", "System.Diagnostics.Process", "System.Console", "Microsoft.Data",
    ];

    [Fact]
    public void The_domain_references_no_framework_driver_or_other_layer_and_does_no_io()
    {
        var references = Layers.ReferencesOf(Layers.Domain).Where(name => Layers.IsIn(name, OutsideTheDomain));
        var types = Types.InAssembly(Layers.Domain).ShouldNot().HaveDependencyOnAny([.. OutsideTheDomain, .. InputOutput]).GetResult();

        Assert.Empty(references);
        Assert.True(types.IsSuccessful, "Domain types with such dependencies: " + string.Join(", ", types.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_domain_does_not_depend_on_the_grains()
    {
        var types = Types.InAssembly(Layers.Domain).ShouldNot().HaveDependencyOn("ReverseLogistics.Grains").GetResult();

        Assert.DoesNotContain(Layers.ReferencesOf(Layers.Domain), name => Layers.IsIn(name, ["ReverseLogistics.Grains"]));
        Assert.True(types.IsSuccessful, "Domain types depending on grains: " + string.Join(", ", types.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_grain_abstractions_do_not_reference_the_protobuf_contracts()
    {
        var types = Types.InAssembly(Layers.GrainAbstractions).ShouldNot()
            .HaveDependencyOnAny("ReverseLogistics.V1", "ReverseLogistics.Testing.V1", "ReverseLogistics.Contracts", "Google.Protobuf").GetResult();

        Assert.DoesNotContain(Layers.ReferencesOf(Layers.GrainAbstractions), name => Layers.IsIn(name, ["ReverseLogistics.Contracts", "Google.Protobuf"]));
        Assert.True(types.IsSuccessful, "Grain abstractions using protobuf: " + string.Join(", ", types.FailingTypeNames ?? []));
    }

    [Fact]
    public void No_grain_interface_method_takes_or_returns_a_protobuf_message()
    {
        var interfaces = GrainInterfaces().ToList();
        var offending =
            from grain in interfaces
            from method in grain.GetMethods()
            from type in method.GetParameters().Select(p => p.ParameterType).Prepend(method.ReturnType).SelectMany(Constituents)
            where typeof(IMessage).IsAssignableFrom(type)
            select $"{grain.Name}.{method.Name}: {type.Name}";

        Assert.NotEmpty(interfaces);
        Assert.Empty(offending);
    }

    [Fact]
    public void Every_grain_class_is_sealed()
    {
        var grains = GrainClasses().ToList();

        Assert.NotEmpty(grains);
        Assert.Empty(grains.Where(grain => !grain.IsSealed).Select(grain => grain.FullName));
    }

    [Fact]
    public void Each_source_file_holds_at_most_one_grain_class_and_is_named_after_it()
    {
        var grains = GrainClasses().ToHashSet();
        var files = SourceFiles.ByType(Layers.Grains).Where(entry => grains.Contains(entry.Key)).ToList();

        var shared = files.SelectMany(entry => entry.Value.Select(file => (File: file, Grain: entry.Key.Name)))
            .GroupBy(pair => pair.File)
            .Where(file => file.Count() > 1)
            .Select(file => $"{Path.GetFileName(file.Key)}: {string.Join(", ", file.Select(pair => pair.Grain))}");
        var misnamed = files.SelectMany(entry => entry.Value
            .Where(file => !Path.GetFileName(file).StartsWith(entry.Key.Name + ".", StringComparison.Ordinal))
            .Select(file => $"{entry.Key.Name} in {Path.GetFileName(file)}"));

        Assert.Equal(grains.Count, files.Count(entry => entry.Value.Count > 0));
        Assert.Empty(shared);
        Assert.Empty(misnamed);
    }

    [Fact]
    public void The_grpc_services_do_not_use_the_store_directly()
    {
        var services = GrpcServices().ToList();
        var selected = Types.InAssembly(Layers.Silo).That().MeetCustomRule(new TypesAmong(services));
        var types = selected.ShouldNot().HaveDependencyOn("ReverseLogistics.Storage").GetResult();

        Assert.Equal(services.Count, selected.GetTypes().Count());
        Assert.Contains(services, service => service.Name == "ReturnsService");
        Assert.True(types.IsSuccessful, "gRPC services using ReverseLogistics.Storage: " + string.Join(", ", types.FailingTypeNames ?? []));
    }

    private static IEnumerable<Type> GrainInterfaces() =>
        new[] { Layers.GrainAbstractions, Layers.Grains }.SelectMany(assembly => assembly.GetTypes())
            .Where(type => type.IsInterface && type.IsPublic && typeof(IGrain).IsAssignableFrom(type));

    private static IEnumerable<Type> GrainClasses() =>
        Layers.Grains.GetTypes().Where(type => type.IsClass && !type.IsAbstract && typeof(Grain).IsAssignableFrom(type));

    /// <summary>The silo's classes serving a service of the protos: each derives from a generated base bound with [BindServiceMethod].</summary>
    private static IEnumerable<Type> GrpcServices() =>
        Layers.Silo.GetTypes().Where(type => type.IsClass && type.BaseType?.GetCustomAttribute<BindServiceMethodAttribute>() is not null);

    /// <summary>A type and every type it is made of: generic arguments, array elements, by-ref targets.</summary>
    private static IEnumerable<Type> Constituents(Type type) =>
        type.HasElementType ? Constituents(type.GetElementType()!)
        : type.IsGenericType ? type.GetGenericArguments().SelectMany(Constituents).Prepend(type)
        : [type];
}
