using System.Text.Json;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Grains.Idempotency;
using ReverseLogistics.Grains.Returns;
using ReverseLogistics.Grains.Tests.Network;
using ReverseLogistics.Storage;
using static ReverseLogistics.Grains.Tests.Calls;
using static ReverseLogistics.Grains.Tests.Returns.ReturnDrafts;

namespace ReverseLogistics.Grains.Tests.Returns;

/// <summary>
/// The return grain through <see cref="IReturnGrain"/>: creation routes it over the network grains and books its centre,
/// every transition lands on its timeline and in the store, and its timers go by the platform's clock.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class ReturnGrainTests(GrainCluster cluster)
{
    private DateTime Now => cluster.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task A_return_the_policy_approves_is_routed_to_its_contracted_centre_booked_there_and_labelled()
    {
        var tenantId = NewTenantId();
        var centreId = await ContractedCentre.SetUpAsync(cluster.Grains, tenantId);
        var returnId = NewReturnId();

        var created = await cluster.Grains.Return(tenantId, returnId).CreateAsync(AutoApproved(Now), Merchant(tenantId), Ticket(tenantId));
        var read = await cluster.Grains.Return(tenantId, returnId).GetAsync();
        var bookings = await cluster.Grains.FulfillmentCenter(centreId).FutureBookingsMadeBeforeAsync(DateTime.MaxValue);
        var events = await cluster.Store.ReadStreamAsync(new ActorKey(tenantId, ReturnGrain.TypeName, returnId), afterSequence: 0, limit: 10, CancellationToken.None);

        Assert.Equal(ReturnState.LabelIssued, created.State.Rma.State);
        Assert.Equal((centreId, false), (created.State.Destination?.FulfillmentCenterId, created.State.Routing?.DefaultCentre));
        Assert.NotNull(created.State.TrackingNumber);
        Assert.Equal([(ReturnTrigger.Approve, "system:auto-approve"), (ReturnTrigger.IssueLabel, "system:labels")],
            created.State.Rma.Timeline.Select(e => (e.Trigger, e.Actor)));
        Assert.Equal(Json(created), Json(read));
        var booking = Assert.Single(bookings);
        Assert.Equal((1, Now), (booking.Value.Units, booking.Value.BookedAt));
        Assert.Equal([ReturnGrain.CreatedEvent, "Approve", "IssueLabel"], events.Select(e => e.Type));
    }

    [Fact]
    public async Task A_return_never_created_is_not_found()
    {
        var missing = await Assert.ThrowsAsync<NotFoundException>(() => cluster.Grains.Return(NewTenantId(), NewReturnId()).GetAsync());

        Assert.Contains("not found", missing.Message);
    }

    [Fact]
    public async Task A_request_id_already_used_creates_no_second_return()
    {
        var tenantId = NewTenantId();
        await ContractedCentre.SetUpAsync(cluster.Grains, tenantId);
        var ticket = Ticket(tenantId);
        var secondId = NewReturnId();
        await cluster.Grains.Return(tenantId, NewReturnId()).CreateAsync(AutoApproved(Now), Merchant(tenantId), ticket);

        var duplicate = await Assert.ThrowsAsync<DuplicateRequestException>(() =>
            cluster.Grains.Return(tenantId, secondId).CreateAsync(AutoApproved(Now), Merchant(tenantId), ticket));

        Assert.Equal((tenantId, ticket.RequestId), (duplicate.TenantId, duplicate.RequestId));
        await Assert.ThrowsAsync<NotFoundException>(() => cluster.Grains.Return(tenantId, secondId).GetAsync());
    }

    [Fact]
    public async Task Cancelling_records_who_cancelled_and_why_and_a_cancelled_return_cannot_be_cancelled_again()
    {
        var tenantId = NewTenantId();
        await ContractedCentre.SetUpAsync(cluster.Grains, tenantId);
        var grain = cluster.Grains.Return(tenantId, NewReturnId());
        await grain.CreateAsync(AutoApproved(Now), Merchant(tenantId), Ticket(tenantId));

        var cancelled = await grain.CancelAsync("customer kept it", Merchant(tenantId), Ticket(tenantId));
        await Assert.ThrowsAsync<PreconditionFailedException>(() => grain.CancelAsync("again", Merchant(tenantId), Ticket(tenantId)));

        Assert.Equal(ReturnState.Cancelled, cancelled.State.Rma.State);
        var entry = cancelled.State.Rma.Timeline[^1];
        Assert.Equal((ReturnTrigger.Cancel, "key:k-merchant", "customer kept it"), (entry.Trigger, entry.Actor, entry.Details));
        Assert.Equal(ReturnState.Cancelled, (await grain.GetAsync()).State.Rma.State);
    }

    [Fact]
    public async Task A_label_not_used_within_the_policys_validity_expires_the_return_once()
    {
        var tenantId = NewTenantId();
        await ContractedCentre.SetUpAsync(cluster.Grains, tenantId);
        var grain = cluster.Grains.Return(tenantId, NewReturnId());
        var created = await grain.CreateAsync(AutoApproved(Now), Merchant(tenantId), Ticket(tenantId));
        var validity = TimeSpan.FromDays(created.State.Policy.LabelValidDays);

        cluster.Clock.Advance(validity - TimeSpan.FromMinutes(1));
        var early = await grain.ExpireLabelIfDueAsync();
        cluster.Clock.Advance(TimeSpan.FromMinutes(2));
        var due = await grain.ExpireLabelIfDueAsync();
        var again = await grain.ExpireLabelIfDueAsync();

        Assert.Equal((false, true, false), (early, due, again));
        var expired = (await grain.GetAsync()).State.Rma;
        Assert.Equal(ReturnState.Expired, expired.State);
        Assert.Equal((ReturnTrigger.Expire, "system:label-expiry", Now), (expired.Timeline[^1].Trigger, expired.Timeline[^1].Actor, expired.Timeline[^1].At));
    }

    private static string Json(ReturnSnapshot snapshot) => JsonSerializer.Serialize(snapshot.State, DomainJson.Options);
}
