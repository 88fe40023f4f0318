using ReverseLogistics.Client;
using ReverseLogistics.Silo.Hosting;

namespace ReverseLogistics.FunctionalTests.Support;

/// <summary>One silo shared by a collection of tests: embedded store, conformance service on, a known operator key.</summary>
public sealed class SiloFixture : IAsyncLifetime
{
    public const string OperatorKey = "rl-test-operator-key-4f1d2c";

    private InProcessSilo? _silo;

    /// <summary>"127.0.0.1:port".</summary>
    public string Address => _silo!.Address;
    public PlatformClient Client => _silo!.Client;
    public IServiceProvider Services => _silo!.Services;

    public async Task InitializeAsync() =>
        _silo = await InProcessSilo.StartFreshAsync(new SiloOptions { Conformance = true, OperatorKey = OperatorKey });

    public async Task DisposeAsync()
    {
        if (_silo is not null) await _silo.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SiloCollection : ICollectionFixture<SiloFixture>
{
    public const string Name = "silo";
}
