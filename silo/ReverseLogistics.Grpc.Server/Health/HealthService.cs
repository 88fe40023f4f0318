using Google.Protobuf.Reflection;
using Grpc.Health.V1;

namespace ReverseLogistics.Grpc.Server.Health;

/// <summary>grpc.health.v1.Health: Check answers NOT_FOUND for an unknown service; Watch streams changes.</summary>
public sealed class HealthService(HealthStatusRegistry registry) : IGrpcService
{
    public static ServiceDescriptor Descriptor => HealthReflection.Descriptor.Services[0];

    public void Bind(ServiceBinder binder) => binder
        .Unary<HealthCheckRequest, HealthCheckResponse>("Check", Check)
        .ServerStreaming<HealthCheckRequest, HealthCheckResponse>("Watch", WatchAsync);

    private Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        var status = registry.Get(request.Service)
            ?? throw new RpcException(StatusCode.NotFound, $"Unknown service '{request.Service}'.");
        return Task.FromResult(new HealthCheckResponse { Status = status });
    }

    private async Task WatchAsync(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responses, ServerCallContext context)
    {
        await foreach (var status in registry.WatchAsync(request.Service, context.CancellationToken))
            await responses.WriteAsync(new HealthCheckResponse { Status = status });
    }
}
