using ReverseLogistics.Grains.Returns;
using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Silo.Returns;

/// <summary>How many returns a customer started recently: the input of the policy's fraud check.</summary>
public sealed class CustomerHistories(IActorStore store)
{
    public async Task<CustomerHistory> ForAsync(string tenantId, string customerReference, bool flagged, ReturnPolicy policy,
        DateTime now, CancellationToken cancellationToken)
    {
        if (policy.Fraud.LookbackDays <= 0 || customerReference.Length == 0) return new CustomerHistory(0, flagged);
        var since = ReturnIndex.Timestamp(now.AddDays(-policy.Fraud.LookbackDays));
        var recent = await store.CountAsync(new IndexQuery(tenantId, ReturnGrain.TypeName,
        [
            IndexCondition.Equal(ReturnIndex.Customer, customerReference),
            IndexCondition.Range(ReturnIndex.Created, from: since),
        ]), cancellationToken);
        return new CustomerHistory((int)Math.Min(recent, int.MaxValue), flagged);
    }
}
