using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grains.Idempotency;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Grains.Policies;

public sealed class ReturnPolicyGrain(IActorStore store, PlatformClock clock)
    : StoreGrain<ReturnPolicyState>(store, TypeName, clock), IReturnPolicyGrain
{
    public const string TypeName = "return-policy";

    public Task<PolicySnapshot> GetAsync() => Task.FromResult(new PolicySnapshot(State.Policy ?? ReturnPolicy.Default, Version, State.UpdatedAt));

    public async Task<PolicySnapshot> ReplaceAsync(ReturnPolicy policy, Caller caller, IdempotencyTicket ticket)
    {
        PolicyValidator.Validate(policy);
        var now = Now;
        (State.Policy, State.UpdatedAt) = (policy, now);
        // The revision is the version this commit creates.
        var replaced = new PolicySnapshot(policy, Version + 1, now);
        await CommitAsync([Event("ReturnPolicyUpdated", new { policy.WindowDays, policy.CurrencyCode }, caller.AuditName)], ticket.Record(replaced, now));
        return replaced;
    }
}
