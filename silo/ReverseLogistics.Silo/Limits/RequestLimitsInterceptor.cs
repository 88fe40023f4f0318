using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Grains;
using ReverseLogistics.Silo.Errors;

namespace ReverseLogistics.Silo.Limits;

/// <summary>
/// Refuses a request outside <see cref="FieldLimits"/> with INVALID_ARGUMENT naming every offending field, before any
/// service sees it: nothing is read or written for it, and no later status message can grow with what it held.
/// </summary>
public sealed class RequestLimitsInterceptor(PlatformClock clock) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Check(request);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(request);
        return continuation(request, responseStream, context);
    }

    private void Check<TRequest>(TRequest request)
    {
        // The conformance service tests the transport itself (message sizes up to the 4 MiB limit), not the API.
        if (request is not IMessage message || message.Descriptor.File.Package.StartsWith("reverselogistics.testing.", StringComparison.Ordinal)) return;
        var violations = RequestLimits.Check(message, clock.GetUtcNow().UtcDateTime);
        if (violations.Count > 0) throw DomainErrorInterceptor.ToRpcException(new InvalidInputException(violations));
    }
}
