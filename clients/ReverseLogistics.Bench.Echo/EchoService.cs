using Grpc.Core;
using ReverseLogistics.Testing.V1;

namespace ReverseLogistics.Bench.Echo;

/// <summary>reverselogistics.testing.v1.ConformanceService with only Echo: the message back, nothing else.</summary>
public sealed class EchoService : ConformanceService.ConformanceServiceBase
{
    public override Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context) =>
        Task.FromResult(new EchoResponse { Message = request.Message });
}
