using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Pricing;
using ReverseLogistics.Domain.Tenants;
using static ReverseLogistics.Grains.Tests.Calls;
using static ReverseLogistics.Grains.Tests.Network.ContractedCentre;

namespace ReverseLogistics.Grains.Tests.Network;

/// <summary>The carrier grain through <see cref="ICarrierGrain"/>.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class CarrierGrainTests(GrainCluster cluster)
{
    [Fact]
    public async Task A_created_carrier_reads_back_and_an_update_replaces_its_definition()
    {
        var id = "CARRIER-" + NewCentreId();
        var carrier = cluster.Grains.Carrier(id);

        await carrier.CreateAsync(Carrier(id, "FC-A"), Operator, Ticket(TenantIds.Platform));
        await carrier.UpdateAsync(Carrier(id, "FC-A", "FC-B") with { CostPerParcel = new Money(4_00, "USD") }, Operator, Ticket(TenantIds.Platform));
        var read = await carrier.GetAsync();

        Assert.Equal(["FC-A", "FC-B"], read.Carrier.CenterIds);
        Assert.Equal(new Money(4_00, "USD"), read.Carrier.CostPerParcel);
        Assert.Equal(cluster.Clock.GetUtcNow().UtcDateTime, read.UpdatedAt);
    }

    [Fact]
    public async Task A_carrier_never_created_is_not_found_and_cannot_be_updated()
    {
        var id = "CARRIER-" + NewCentreId();
        var carrier = cluster.Grains.Carrier(id);

        await Assert.ThrowsAsync<NotFoundException>(() => carrier.GetAsync());
        await Assert.ThrowsAsync<NotFoundException>(() => carrier.UpdateAsync(Carrier(id), Operator, Ticket(TenantIds.Platform)));
    }
}
