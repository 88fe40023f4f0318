using System.Text.Json;
using ReverseLogistics.Actors;
using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Silo.Idempotency;
using ReverseLogistics.Storage;
using Proto = ReverseLogistics.V1;

namespace ReverseLogistics.Silo.Policies;

/// <summary>A merchant's return policy (key: tenant id + "policy"). Returns read it when they are checked and priced.</summary>
public sealed class ReturnPolicyActor : Actor<ReturnPolicyState>, IActor
{
    public const string Id = "policy";

    public static string TypeName => "return-policy";

    /// <summary>The policy in force: the merchant's own, or the platform default.</summary>
    public ReturnPolicy Current => State.Policy ?? ReturnPolicy.Default;

    public Proto.ReturnPolicy Get() => PolicyMapper.ToProto(Current, Version, State.UpdatedAt);

    public async Task<Proto.ReturnPolicy> ReplaceAsync(ReturnPolicy policy, Caller caller, IdempotencyTicket ticket)
    {
        PolicyValidator.Validate(policy);
        var now = Time.GetUtcNow().UtcDateTime;
        State.Policy = policy;
        State.UpdatedAt = now;
        // The revision is the version this commit creates.
        var response = PolicyMapper.ToProto(policy, Version + 1, now);
        var changed = new NewEvent("ReturnPolicyUpdated", JsonSerializer.Serialize(new { policy.WindowDays, policy.CurrencyCode }, ActorJson.Options),
            caller.AuditName, now);
        await CommitAsync([changed], ticket.Record(response, now));
        return response;
    }
}
