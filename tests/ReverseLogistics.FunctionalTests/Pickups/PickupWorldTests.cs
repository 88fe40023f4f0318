using ReverseLogistics.Silo.Hosting;

namespace ReverseLogistics.FunctionalTests.Pickups;

/// <summary>Tests on a <see cref="PickupWorld"/> (one carrier, CARRIER-A, serving 97xxx, 3 places a window) on one store.</summary>
public abstract class PickupWorldTests : IAsyncLifetime
{
    protected PickupWorld World { get; private set; } = null!;

    /// <summary>Why the store is unavailable (the test skips), or null.</summary>
    protected abstract string? SkipReason { get; }

    /// <summary>The silo options of a node on this test's store, given the node's directory.</summary>
    protected abstract SiloOptions StoreOptions(string directory);

    public virtual async Task InitializeAsync()
    {
        if (SkipReason is null) World = await PickupWorld.StartAsync(StoreOptions, carriers: [("CARRIER-A", "97", 3)]);
    }

    public async Task DisposeAsync()
    {
        if (SkipReason is null) await World.DisposeAsync();
    }
}
