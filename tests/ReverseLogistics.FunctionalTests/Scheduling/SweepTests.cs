using ReverseLogistics.Domain.Returns;
using Grpc.Core;
using Microsoft.Extensions.Time.Testing;
using ReverseLogistics.Client;
using ReverseLogistics.Silo.Scheduling;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.Returns;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Scheduling;

/// <summary>
/// The timer sweeps through a real silo and its real scheduler: the test moves the silo's clock,
/// fires the sweep job through Quartz and reads the outcome over gRPC.
/// </summary>
public abstract partial class SchedulerTests
{
    [SkippableFact]
    public async Task A_label_not_used_within_the_policys_validity_expires_the_return_once()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var silo = await StartAsync(clock);
        var merchant = await MerchantAsync(silo.Client, policy => policy.LabelValidDays = 5);
        var old = await silo.Client.Returns.CreateReturnAsync(NewReturn("cust-old"), merchant);
        clock.Advance(TimeSpan.FromDays(3));
        var recent = await silo.Client.Returns.CreateReturnAsync(NewReturn("cust-recent"), merchant);
        Assert.Equal(ReturnStatus.LabelIssued, old.Status);
        clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));

        var scheduler = await SchedulerOf(silo);
        var sweep = await SweepCompletion.RunAsync(scheduler, LabelExpiryJob.Key, clock);
        var again = await SweepCompletion.RunAsync(scheduler, LabelExpiryJob.Key, clock);

        Assert.Equal(ReturnStatus.Expired, (await silo.Client.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = old.ReturnId }, merchant)).Status);
        Assert.Equal(ReturnStatus.LabelIssued, (await silo.Client.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = recent.ReturnId }, merchant)).Status);
        var events = (await silo.Client.Returns.ListReturnEventsAsync(new ListReturnEventsRequest { ReturnId = old.ReturnId }, merchant)).Events;
        var expiry = Assert.Single(events, e => e.Type == nameof(ReturnTrigger.Expire));
        Assert.Equal("system:label-expiry", expiry.Actor);
        Assert.Equal(ReturnStatus.LabelIssued, expiry.FromStatus);
        Assert.Equal(ReturnStatus.Expired, expiry.ToStatus);
        Assert.Equal((1, 1), (sweep.Due, sweep.Fired));
        Assert.Equal((0, 0), (again.Due, again.Fired));
    }

    [SkippableFact]
    public async Task A_received_return_left_uninspected_beyond_the_sla_is_escalated_once()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var silo = await StartAsync(clock);
        var merchant = await MerchantAsync(silo.Client, policy => policy.InspectionSlaHours = 4);
        var created = await silo.Client.Returns.CreateReturnAsync(NewReturn("cust-dropoff", V1.ReturnMethod.DropOffPoint), merchant);
        var handheld = await Handhelds.NewHandheldAsync(silo.Client, OperatorKey);
        await silo.Client.Receiving.ReceiveItemsAsync(Handhelds.Receive(created.ReturnId, (0, 1)), handheld);
        clock.Advance(TimeSpan.FromHours(3));

        var scheduler = await SchedulerOf(silo);
        var early = await SweepCompletion.RunAsync(scheduler, InspectionSlaJob.Key, clock);
        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        var due = await SweepCompletion.RunAsync(scheduler, InspectionSlaJob.Key, clock);
        var again = await SweepCompletion.RunAsync(scheduler, InspectionSlaJob.Key, clock);

        var events = (await silo.Client.Returns.ListReturnEventsAsync(new ListReturnEventsRequest { ReturnId = created.ReturnId }, merchant)).Events;
        var escalation = Assert.Single(events, e => e.Type == nameof(ReturnTrigger.EscalateInspection));
        Assert.Equal("system:inspection-sla", escalation.Actor);
        Assert.Equal((ReturnStatus.Received, ReturnStatus.Received), (escalation.FromStatus, escalation.ToStatus));
        Assert.Equal(ReturnStatus.Received, (await silo.Client.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = created.ReturnId }, merchant)).Status);
        Assert.Equal((0, 1, 0), (early.Due, due.Fired, again.Due));
    }

    /// <summary>A new tenant whose policy is the default one changed by <paramref name="change"/>.</summary>
    private static async Task<CallOptions> MerchantAsync(PlatformClient client, Action<ReturnPolicy> change)
    {
        var (_, key) = await NewMerchantAsync(client, OperatorKey);
        var policy = await client.Policies.GetReturnPolicyAsync(new GetReturnPolicyRequest(), As(key));
        change(policy);
        await client.Policies.UpdateReturnPolicyAsync(new UpdateReturnPolicyRequest { RequestId = NewRequestId(), Policy = policy }, As(key));
        return As(key);
    }
}
