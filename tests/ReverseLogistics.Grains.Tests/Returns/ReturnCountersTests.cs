using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Grains.Idempotency;
using ReverseLogistics.Grains.Tests.Network;
using ReverseLogistics.Storage;
using static ReverseLogistics.Grains.Tests.Calls;
using static ReverseLogistics.Grains.Tests.Returns.ReturnDrafts;

namespace ReverseLogistics.Grains.Tests.Returns;

/// <summary>A return grain's commits move its tenant's analytics counters by what its state's contribution changed.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class ReturnCountersTests(GrainCluster cluster)
{
    private DateTime Now => cluster.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task Creating_a_return_counts_it_and_cancelling_it_takes_the_count_back()
    {
        var tenantId = NewTenantId();
        await ContractedCentre.SetUpAsync(cluster.Grains, tenantId);
        var first = cluster.Grains.Return(tenantId, NewReturnId());
        var second = cluster.Grains.Return(tenantId, NewReturnId());
        var day = DateOnly.FromDateTime(Now).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        await first.CreateAsync(AutoApproved(Now), Merchant(tenantId), Ticket(tenantId));
        await second.CreateAsync(AutoApproved(Now), Merchant(tenantId), Ticket(tenantId));
        var counted = await ReadAsync(tenantId, "returns.all.day", day);
        await first.CancelAsync("kept it", Merchant(tenantId), Ticket(tenantId));
        await Assert.ThrowsAsync<PreconditionFailedException>(() => first.CancelAsync("again", Merchant(tenantId), Ticket(tenantId)));

        Assert.Equal(2, counted);
        Assert.Equal(1, await ReadAsync(tenantId, "returns.all.day", day));
        Assert.Equal(1, await ReadAsync(tenantId, "returns.sku.month", $"{day[..7]}|SKU-1"));
        Assert.Equal(1, await ReadAsync(tenantId, "reasons.category.day", $"{day}|apparel|wrong_size"));
    }

    [Fact]
    public async Task A_repeated_request_counts_its_return_once()
    {
        var tenantId = NewTenantId();
        await ContractedCentre.SetUpAsync(cluster.Grains, tenantId);
        var ticket = Ticket(tenantId);
        var day = DateOnly.FromDateTime(Now).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await cluster.Grains.Return(tenantId, NewReturnId()).CreateAsync(AutoApproved(Now), Merchant(tenantId), ticket);

        await Assert.ThrowsAsync<DuplicateRequestException>(() =>
            cluster.Grains.Return(tenantId, NewReturnId()).CreateAsync(AutoApproved(Now), Merchant(tenantId), ticket));

        Assert.Equal(1, await ReadAsync(tenantId, "returns.all.day", day));
    }

    private async Task<long?> ReadAsync(string tenantId, string name, string key) =>
        (await cluster.Store.ReadCountersAsync(new CounterQuery(tenantId, name, [CounterRange.Exactly(key)]), CancellationToken.None))
        .Select(counter => (long?)counter.Value).SingleOrDefault();
}
