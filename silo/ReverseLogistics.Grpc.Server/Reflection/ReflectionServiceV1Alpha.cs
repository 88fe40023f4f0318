using Google.Protobuf;
using Google.Protobuf.Reflection;
using Alpha = Grpc.Reflection.V1Alpha;
using V1 = Grpc.Reflection.V1;

namespace ReverseLogistics.Grpc.Server.Reflection;

/// <summary>
/// grpc.reflection.v1alpha.ServerReflection, still the version most tools ask first. Its
/// messages are identical on the wire to v1's, so each request is re-read as v1 and
/// answered by <see cref="ReflectionService"/>.
/// </summary>
public sealed class ReflectionServiceV1Alpha(ReflectionService v1) : IGrpcService
{
    public static ServiceDescriptor Descriptor => Alpha.ReflectionReflection.Descriptor.Services[0];

    public void Bind(ServiceBinder binder) => binder
        .DuplexStreaming<Alpha.ServerReflectionRequest, Alpha.ServerReflectionResponse>("ServerReflectionInfo", InfoAsync);

    private async Task InfoAsync(IAsyncEnumerable<Alpha.ServerReflectionRequest> requests,
        IServerStreamWriter<Alpha.ServerReflectionResponse> responses, ServerCallContext context)
    {
        await foreach (var request in requests.WithCancellation(context.CancellationToken))
        {
            var answer = v1.Answer(V1.ServerReflectionRequest.Parser.ParseFrom(request.ToByteString()));
            await responses.WriteAsync(Alpha.ServerReflectionResponse.Parser.ParseFrom(answer.ToByteString()));
        }
    }
}
