using Google.Protobuf;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using ReverseLogistics.Grpc;
using ReverseLogistics.Grpc.Server;
using ReverseLogistics.Testing.V1;
using Outcome = ReverseLogistics.Testing.V1.Probe.Types.Outcome;

namespace ReverseLogistics.Silo.Conformance;

/// <summary>
/// reverselogistics.testing.v1.ConformanceService: exercises every feature of the binding
/// for the interop suites. Served only with --conformance.
/// </summary>
public sealed class ConformanceService(ProbeRegistry probes) : IGrpcService
{
    private const string EchoPrefix = "x-echo-";

    public static ServiceDescriptor Descriptor => ConformanceReflection.Descriptor.Services[0];

    public void Bind(ServiceBinder binder) => binder
        .Unary<EchoRequest, EchoResponse>("Echo", EchoAsync)
        .Unary<FailRequest, EchoResponse>("Fail", Fail)
        .ServerStreaming<CountdownRequest, EchoResponse>("Countdown", CountdownAsync)
        .ClientStreaming<EchoRequest, CollectResponse>("Collect", CollectAsync)
        .DuplexStreaming<EchoRequest, EchoResponse>("Chat", ChatAsync)
        .Unary<HoldRequest, EchoResponse>("Hold", HoldAsync)
        .Unary<GetProbeRequest, Probe>("GetProbe", GetProbeAsync);

    private static async Task<EchoResponse> EchoAsync(EchoRequest request, ServerCallContext context)
    {
        var echoed = new Metadata();
        foreach (var entry in context.RequestHeaders.Where(e => e.Key.StartsWith(EchoPrefix, StringComparison.Ordinal)))
        {
            echoed.Add(entry);
            context.ResponseTrailers.Add(entry);
        }
        if (echoed.Count > 0) await context.WriteResponseHeadersAsync(echoed);
        return new EchoResponse { Message = request.Message, Payload = ResponsePayload(request) };
    }

    private static Task<EchoResponse> Fail(FailRequest request, ServerCallContext context)
    {
        if (request.Code is <= 0 or > 16)
            throw new RpcException(Status.InvalidArgument("code must be a gRPC status code from 1 to 16.",
                ("code", $"{request.Code} is not a non-OK status code")));
        var violations = request.FieldViolations.Select(v => (v.Field, v.Description)).ToArray();
        var status = violations.Length > 0
            ? Status.InvalidArgument(request.Message, violations) with { Code = (StatusCode)request.Code }
            : new Status((StatusCode)request.Code, request.Message);
        throw new RpcException(status);
    }

    private async Task CountdownAsync(CountdownRequest request, IServerStreamWriter<EchoResponse> responses, ServerCallContext context)
    {
        var payload = ByteString.CopyFrom(new byte[request.PayloadSize]);
        for (var index = 0; index < request.Count; index++)
            await responses.WriteAsync(new EchoResponse { Index = index, Payload = payload });
        if (request.HoldOpen) await HoldUntilCancelledAsync(request.ProbeId, context);
        if (request.FailWithCode != 0)
            throw new RpcException((StatusCode)request.FailWithCode, $"Failed after {request.Count} messages, as requested.");
    }

    private static async Task<CollectResponse> CollectAsync(IAsyncEnumerable<EchoRequest> requests, ServerCallContext context)
    {
        var messages = new List<string>();
        long payloadBytes = 0;
        await foreach (var request in requests)
        {
            messages.Add(request.Message);
            payloadBytes += request.Payload.Length;
        }
        return new CollectResponse { Count = messages.Count, Joined = string.Join(",", messages), TotalPayloadBytes = payloadBytes };
    }

    private static async Task ChatAsync(IAsyncEnumerable<EchoRequest> requests, IServerStreamWriter<EchoResponse> responses, ServerCallContext context)
    {
        var index = 0;
        await foreach (var request in requests)
            await responses.WriteAsync(new EchoResponse { Message = request.Message, Payload = ResponsePayload(request), Index = index++ });
    }

    private async Task<EchoResponse> HoldAsync(HoldRequest request, ServerCallContext context)
    {
        // The headers tell the client the handler is running, so it can cancel knowingly.
        await context.WriteResponseHeadersAsync(new Metadata());
        await HoldUntilCancelledAsync(request.ProbeId, context);
        return new EchoResponse();
    }

    private async Task<Probe> GetProbeAsync(GetProbeRequest request, ServerCallContext context) =>
        new() { ProbeId = request.ProbeId, Outcome = await probes.WaitAsync(request.ProbeId, context.CancellationToken) };

    private async Task HoldUntilCancelledAsync(string probeId, ServerCallContext context)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            probes.Record(probeId, context.DeadlineExceeded ? Outcome.DeadlineExceeded : Outcome.ClientCancelled);
            throw;
        }
    }

    private static ByteString ResponsePayload(EchoRequest request) =>
        request.ResponsePayloadSize > 0 ? ByteString.CopyFrom(new byte[request.ResponsePayloadSize]) : request.Payload;
}
