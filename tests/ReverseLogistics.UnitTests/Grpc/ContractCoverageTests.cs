using System.Reflection;
using Google.Protobuf.Reflection;
using Grpc.Core;
using ReverseLogistics.Contracts;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.Silo.Security;
using ReverseLogistics.Testing.V1;

namespace ReverseLogistics.UnitTests.Grpc;

/// <summary>
/// Every RPC of the protos is implemented by the silo and declares who may call it. An RPC a service
/// class does not override would answer UNIMPLEMENTED; one without roles would be refused at start-up.
/// </summary>
public sealed class ContractCoverageTests
{
    private static readonly IReadOnlyList<ServiceDescriptor> ServedServices = PublicContract.Files.SelectMany(f => f.Services)
        .Append(ConformanceReflection.Descriptor.Services[0])
        .ToList();

    [Fact]
    public void Every_rpc_in_the_protos_has_an_override_in_the_silo()
    {
        var missing = ServedServices.SelectMany(service => MissingOverrides(service, ImplementationOf(service))).ToList();

        Assert.Empty(missing);
        Assert.Equal(12, ServedServices.Count);
    }

    [Fact]
    public void The_coverage_check_names_what_a_partial_service_leaves_out()
    {
        var missing = MissingOverrides(ConformanceReflection.Descriptor.Services[0], typeof(EchoOnlyService));

        Assert.Contains("/reverselogistics.testing.v1.ConformanceService/Fail", missing);
        Assert.Contains("/reverselogistics.testing.v1.ConformanceService/Chat", missing);
        Assert.DoesNotContain("/reverselogistics.testing.v1.ConformanceService/Echo", missing);
    }

    [Fact]
    public void Every_rpc_of_the_public_api_declares_its_roles()
    {
        AccessPolicy.RequireDeclaredRoles(PublicContract.Files);

        Assert.All(PublicContract.Files.SelectMany(f => f.Services).SelectMany(s => s.Methods),
            method => Assert.NotEmpty(AccessPolicy.AllowedRoles($"/{method.Service.FullName}/{method.Name}")!));
    }

    [Fact]
    public void A_contract_with_an_rpc_without_roles_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AccessPolicy.RequireDeclaredRoles([ConformanceReflection.Descriptor]));

        Assert.Contains("/reverselogistics.testing.v1.ConformanceService/Echo", error.Message);
    }

    /// <summary>The silo's class serving <paramref name="service"/>: the one deriving from its generated base.</summary>
    private static Type ImplementationOf(ServiceDescriptor service)
    {
        var generatedBase = typeof(PublicContract).Assembly.GetTypes().Single(t => t.Name == service.Name + "Base"
            && t.DeclaringType?.Name == service.Name && t.GetCustomAttribute<BindServiceMethodAttribute>() is not null);
        return typeof(SiloHost).Assembly.GetTypes().Single(t => t.IsSubclassOf(generatedBase));
    }

    private static IEnumerable<string> MissingOverrides(ServiceDescriptor service, Type implementation) => service.Methods
        .Where(method => implementation.GetMethod(method.Name, BindingFlags.Public | BindingFlags.Instance)?.DeclaringType != implementation)
        .Select(method => $"/{service.FullName}/{method.Name}");

    private sealed class EchoOnlyService : ConformanceService.ConformanceServiceBase
    {
        public override Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context) =>
            Task.FromResult(new EchoResponse { Message = request.Message });
    }
}
