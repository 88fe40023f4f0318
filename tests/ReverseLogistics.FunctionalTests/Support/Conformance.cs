using ReverseLogistics.Client;
using ReverseLogistics.Testing.V1;

namespace ReverseLogistics.FunctionalTests.Support;

/// <summary>The conformance service (served with --conformance), reached through the SDK's conventions.</summary>
public static class Conformance
{
    public static ConformanceService.ConformanceServiceClient Of(PlatformClient client) => new(client.CallInvoker);
}
