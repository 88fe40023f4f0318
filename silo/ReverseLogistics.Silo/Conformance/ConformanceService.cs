using Google.Protobuf;
using Grpc.Core;
using ReverseLogistics.Silo.Errors;
using ReverseLogistics.Testing.V1;
using Outcome = ReverseLogistics.Testing.V1.Probe.Types.Outcome;
using ConformanceServiceBase = ReverseLogistics.Testing.V1.ConformanceService.ConformanceServiceBase;

namespace ReverseLogistics.Silo.Conformance;

/// <summary>
/// reverselogistics.testing.v1.ConformanceService: exercises the gRPC features the interop
/// suites check (status details, deadlines, cancellation, metadata, every call shape, limits). Served only with --conformance.
/// </summary>
public sealed class ConformanceService(ProbeRegistry probes) : ConformanceServiceBase
{
    private const string EchoPrefix = "x-echo-";

    public override async Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context)
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

    public override Task<EchoResponse> Fail(FailRequest request, ServerCallContext context)
    {
        if (request.Code is <= 0 or > 16)
            throw RichStatus.InvalidArgument("code must be a gRPC status code from 1 to 16.",
                [("code", $"{request.Code} is not a non-OK status code")]);
        var violations = request.FieldViolations.Select(v => (v.Field, v.Description)).ToArray();
        throw violations.Length > 0
            ? RichStatus.InvalidArgument(request.Message, violations, (StatusCode)request.Code)
            : new RpcException(new Status((StatusCode)request.Code, request.Message));
    }

    public override async Task Countdown(CountdownRequest request, IServerStreamWriter<EchoResponse> responses, ServerCallContext context)
    {
        var payload = ByteString.CopyFrom(new byte[request.PayloadSize]);
        for (var index = 0; index < request.Count; index++)
            await responses.WriteAsync(new EchoResponse { Index = index, Payload = payload });
        if (request.HoldOpen) await HoldUntilCancelledAsync(request.ProbeId, context);
        if (request.FailWithCode != 0)
            throw new RpcException(new Status((StatusCode)request.FailWithCode, $"Failed after {request.Count} messages, as requested."));
    }

    public override async Task<CollectResponse> Collect(IAsyncStreamReader<EchoRequest> requests, ServerCallContext context)
    {
        var messages = new List<string>();
        long payloadBytes = 0;
        await foreach (var request in requests.ReadAllAsync(context.CancellationToken))
        {
            messages.Add(request.Message);
            payloadBytes += request.Payload.Length;
        }
        return new CollectResponse { Count = messages.Count, Joined = string.Join(",", messages), TotalPayloadBytes = payloadBytes };
    }

    public override async Task Chat(IAsyncStreamReader<EchoRequest> requests, IServerStreamWriter<EchoResponse> responses, ServerCallContext context)
    {
        var index = 0;
        await foreach (var request in requests.ReadAllAsync(context.CancellationToken))
            await responses.WriteAsync(new EchoResponse { Message = request.Message, Payload = ResponsePayload(request), Index = index++ });
    }

    public override async Task<EchoResponse> Hold(HoldRequest request, ServerCallContext context)
    {
        // The headers tell the client the handler is running, so it can cancel knowingly.
        await context.WriteResponseHeadersAsync(new Metadata());
        await HoldUntilCancelledAsync(request.ProbeId, context);
        return new EchoResponse();
    }

    public override async Task<Probe> GetProbe(GetProbeRequest request, ServerCallContext context) =>
        new() { ProbeId = request.ProbeId, Outcome = await probes.WaitAsync(request.ProbeId, context.CancellationToken) };

    private async Task HoldUntilCancelledAsync(string probeId, ServerCallContext context)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            probes.Record(probeId, DateTime.UtcNow >= context.Deadline ? Outcome.DeadlineExceeded : Outcome.ClientCancelled);
            throw;
        }
    }

    private static ByteString ResponsePayload(EchoRequest request) =>
        request.ResponsePayloadSize > 0 ? ByteString.CopyFrom(new byte[request.ResponsePayloadSize]) : request.Payload;
}
