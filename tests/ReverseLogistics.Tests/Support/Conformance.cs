using ReverseLogistics.Grpc.Client;
using ReverseLogistics.Testing.V1;

namespace ReverseLogistics.Tests.Support;

/// <summary>Client-side methods of the conformance service.</summary>
public static class Conformance
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = ConformanceReflection.Descriptor.Services[0];

    public static readonly Method<EchoRequest, EchoResponse> Echo = Method<EchoRequest, EchoResponse>.From(Service, "Echo");
    public static readonly Method<FailRequest, EchoResponse> Fail = Method<FailRequest, EchoResponse>.From(Service, "Fail");
    public static readonly Method<CountdownRequest, EchoResponse> Countdown = Method<CountdownRequest, EchoResponse>.From(Service, "Countdown");
    public static readonly Method<EchoRequest, CollectResponse> Collect = Method<EchoRequest, CollectResponse>.From(Service, "Collect");
    public static readonly Method<EchoRequest, EchoResponse> Chat = Method<EchoRequest, EchoResponse>.From(Service, "Chat");
    public static readonly Method<HoldRequest, EchoResponse> Hold = Method<HoldRequest, EchoResponse>.From(Service, "Hold");
    public static readonly Method<GetProbeRequest, Probe> GetProbe = Method<GetProbeRequest, Probe>.From(Service, "GetProbe");
}
