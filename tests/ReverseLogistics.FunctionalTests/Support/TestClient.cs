using ReverseLogistics.Client;

namespace ReverseLogistics.FunctionalTests.Support;

/// <summary>
/// The SDK as the tests use it: no API key (each call carries its own, see <see cref="TenantAdmin.As"/>)
/// and one attempt per call, so a test sees exactly the status the silo answered.
/// </summary>
public static class TestClient
{
    public static PlatformClient For(string address) => new(new PlatformClientOptions { Address = address, MaxAttempts = 1 });
}
