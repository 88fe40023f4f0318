using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ReverseLogistics.Grpc.Server;
using ReverseLogistics.Testing.V1;

namespace ReverseLogistics.Tests.Grpc;

/// <summary>The server refuses to start with part of its contract unbound or bound wrongly.</summary>
public sealed class StartupValidationTests
{
    private static readonly ServiceDescriptor ConformanceService = ConformanceReflection.Descriptor.Services[0];

    [Fact]
    public void A_missing_handler_stops_start_up_and_names_the_rpc()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddGrpcServer();
        builder.Services.AddGrpcService<EchoOnlyService>();
        using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapGrpcServer());

        Assert.Contains("/reverselogistics.testing.v1.ConformanceService/Fail", error.Message);
        Assert.Contains("/reverselogistics.testing.v1.ConformanceService/Chat", error.Message);
        Assert.DoesNotContain("/Echo", error.Message);
    }

    [Fact]
    public void A_served_file_without_any_service_class_stops_start_up()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddGrpcServer(options => options.ServedFiles.Add(ConformanceReflection.Descriptor));
        using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapGrpcServer());

        Assert.Contains("/reverselogistics.testing.v1.ConformanceService/Echo", error.Message);
    }

    [Fact]
    public void A_handler_with_the_wrong_message_types_is_refused()
    {
        var binder = new ServiceBinder(ConformanceService);

        var error = Assert.Throws<InvalidOperationException>(() =>
            binder.Unary<HoldRequest, EchoResponse>("Echo", (_, _) => Task.FromResult(new EchoResponse())));

        Assert.Contains("takes EchoRequest", error.Message);
    }

    [Fact]
    public void A_handler_of_the_wrong_shape_is_refused()
    {
        var binder = new ServiceBinder(ConformanceService);

        var error = Assert.Throws<InvalidOperationException>(() =>
            binder.Unary<EchoRequest, EchoResponse>("Chat", (_, _) => Task.FromResult(new EchoResponse())));

        Assert.Contains("bidirectional streaming", error.Message);
    }

    [Fact]
    public void An_rpc_the_service_does_not_declare_is_refused()
    {
        var binder = new ServiceBinder(ConformanceService);

        Assert.Throws<InvalidOperationException>(() =>
            binder.Unary<EchoRequest, EchoResponse>("Missing", (_, _) => Task.FromResult(new EchoResponse())));
    }

    private sealed class EchoOnlyService : IGrpcService
    {
        public static ServiceDescriptor Descriptor => ConformanceService;

        public void Bind(ServiceBinder binder) =>
            binder.Unary<EchoRequest, EchoResponse>("Echo", (request, _) => Task.FromResult(new EchoResponse { Message = request.Message }));
    }
}
