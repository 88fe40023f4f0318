using Google.Protobuf.Reflection;
using Grpc.Health.V1;
using Grpc.Reflection.V1;
using Grpc.Core;
using ReverseLogistics.FunctionalTests.Support;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;
using Alpha = Grpc.Reflection.V1Alpha;

namespace ReverseLogistics.FunctionalTests.Grpc;

[Collection(SiloCollection.Name)]
public sealed class HealthAndReflectionTests(SiloFixture silo)
{
    private Health.HealthClient HealthClient => silo.Client.Health;
    private ServerReflection.ServerReflectionClient Reflection => new(silo.Client.CallInvoker);
    private Alpha.ServerReflection.ServerReflectionClient ReflectionAlpha => new(silo.Client.CallInvoker);

    [Theory]
    [InlineData("")]
    [InlineData("grpc.health.v1.Health")]
    [InlineData("reverselogistics.testing.v1.ConformanceService")]
    public async Task Served_services_are_serving(string service)
    {
        var response = await HealthClient.CheckAsync(new HealthCheckRequest { Service = service });

        Assert.Equal(ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Unknown_service_health_is_not_found()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            HealthClient.CheckAsync(new HealthCheckRequest { Service = "no.such.Service" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Watch_streams_the_current_status_first()
    {
        using var call = HealthClient.Watch(new HealthCheckRequest());
        await using var statuses = call.ResponseStream.ReadAllAsync().GetAsyncEnumerator();

        Assert.True(await statuses.MoveNextAsync());
        Assert.Equal(ServingStatus.Serving, statuses.Current.Status);
    }

    [Fact]
    public async Task Watching_an_unknown_service_says_service_unknown()
    {
        using var call = HealthClient.Watch(new HealthCheckRequest { Service = "no.such.Service" });
        await using var statuses = call.ResponseStream.ReadAllAsync().GetAsyncEnumerator();

        Assert.True(await statuses.MoveNextAsync());
        Assert.Equal(ServingStatus.ServiceUnknown, statuses.Current.Status);
    }

    [Fact]
    public async Task Reflection_lists_every_served_service()
    {
        var response = await AskAsync(new ServerReflectionRequest { ListServices = "" });

        string[] standard = ["grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection",
            "reverselogistics.testing.v1.ConformanceService"];
        var publicApi = ReverseLogistics.Contracts.PublicContract.Files.SelectMany(f => f.Services).Select(s => s.FullName);
        Assert.Contains("reverselogistics.v1.TenantAdminService", publicApi);
        // Reflection does not define an order; the set of services is the contract.
        Assert.Equal(
            standard.Concat(publicApi).Order(StringComparer.Ordinal),
            response.ListServicesResponse.Service.Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Reflection_describes_a_service_by_symbol()
    {
        var response = await AskAsync(new ServerReflectionRequest { FileContainingSymbol = "reverselogistics.testing.v1.ConformanceService" });

        var file = FileDescriptorProto.Parser.ParseFrom(response.FileDescriptorResponse.FileDescriptorProto[0]);
        Assert.Equal("reverselogistics/testing/v1/conformance.proto", file.Name);
        Assert.Contains(file.Service.Single().Method, m => m.Name == "Chat" && m.ClientStreaming && m.ServerStreaming);
    }

    [Theory]
    [InlineData("reverselogistics.testing.v1.ConformanceService.Echo")]
    [InlineData("reverselogistics.testing.v1.Probe.Outcome")]
    [InlineData("grpc.health.v1.HealthCheckResponse.ServingStatus")]
    public async Task Reflection_finds_methods_nested_types_and_enums(string symbol)
    {
        var response = await AskAsync(new ServerReflectionRequest { FileContainingSymbol = symbol });

        Assert.Equal(ServerReflectionResponse.MessageResponseOneofCase.FileDescriptorResponse, response.MessageResponseCase);
    }

    [Fact]
    public async Task Reflection_finds_a_file_by_name()
    {
        var healthFile = HealthReflection.Descriptor.Name;

        var response = await AskAsync(new ServerReflectionRequest { FileByFilename = healthFile });

        Assert.Equal(healthFile, FileDescriptorProto.Parser.ParseFrom(response.FileDescriptorResponse.FileDescriptorProto[0]).Name);
    }

    [Fact]
    public async Task Reflection_answers_unknown_symbols_with_not_found()
    {
        var response = await AskAsync(new ServerReflectionRequest { FileContainingSymbol = "no.Such" });

        Assert.Equal((int)StatusCode.NotFound, response.ErrorResponse.ErrorCode);
    }

    [Fact]
    public async Task Reflection_v1alpha_answers_like_v1_on_one_stream()
    {
        using var call = ReflectionAlpha.ServerReflectionInfo();
        await using var responses = call.ResponseStream.ReadAllAsync().GetAsyncEnumerator();

        await call.RequestStream.WriteAsync(new Alpha.ServerReflectionRequest { ListServices = "" });
        Assert.True(await responses.MoveNextAsync());
        Assert.Contains(responses.Current.ListServicesResponse.Service, s => s.Name == "grpc.health.v1.Health");

        await call.RequestStream.WriteAsync(new Alpha.ServerReflectionRequest { FileContainingSymbol = "grpc.health.v1.Health" });
        Assert.True(await responses.MoveNextAsync());
        Assert.NotEmpty(responses.Current.FileDescriptorResponse.FileDescriptorProto);
        await call.RequestStream.CompleteAsync();
    }

    private async Task<ServerReflectionResponse> AskAsync(ServerReflectionRequest request)
    {
        using var call = Reflection.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(request);
        await call.RequestStream.CompleteAsync();
        var responses = new List<ServerReflectionResponse>();
        await foreach (var response in call.ResponseStream.ReadAllAsync()) responses.Add(response);
        return Assert.Single(responses);
    }
}
