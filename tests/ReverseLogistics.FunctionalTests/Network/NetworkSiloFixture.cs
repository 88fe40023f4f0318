using ReverseLogistics.Client;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.FunctionalTests.Support;

namespace ReverseLogistics.FunctionalTests.Network;

/// <summary>
/// A silo of its own for the network tests: once it has centres, a tenant without a contract is no longer
/// sent to the default centre, which the returns tests on the shared silo rely on.
/// </summary>
public sealed class NetworkSiloFixture : IAsyncLifetime
{
    public const string OperatorKey = "rl-test-network-operator-key-9b2e";

    private InProcessSilo? _silo;

    /// <summary>"127.0.0.1:port".</summary>
    public string Address => _silo!.Address;
    public PlatformClient Client => _silo!.Client;
    public IServiceProvider Services => _silo!.Services;

    public async Task InitializeAsync() =>
        _silo = await InProcessSilo.StartFreshAsync(new SiloOptions { OperatorKey = OperatorKey });

    public async Task DisposeAsync()
    {
        if (_silo is not null) await _silo.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class NetworkSiloCollection : ICollectionFixture<NetworkSiloFixture>
{
    public const string Name = "network-silo";
}
