using ReverseLogistics.Domain.Analytics;
using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Silo.Returns;

/// <summary>
/// How many returns a customer started recently, the input of the policy's fraud check: read from the customer's
/// per-day counters (<see cref="ReturnOutcomes.CustomerReturnsByCustomer"/>), one key range of whole UTC days
/// (<see cref="CustomerRiskReport.FraudWindow"/>). Returns stored before the counters existed count once the backfill
/// has counted them.
/// </summary>
public sealed class CustomerHistories(IActorStore store)
{
    public async Task<CustomerHistory> ForAsync(string tenantId, string customerReference, bool flagged, ReturnPolicy policy,
        DateTime now, CancellationToken cancellationToken)
    {
        if (policy.Fraud.LookbackDays <= 0 || customerReference.Length == 0) return new CustomerHistory(0, flagged);
        var range = CustomerRiskReport.History(customerReference, CustomerRiskReport.FraudWindow(policy.Fraud, DateOnly.FromDateTime(now)));
        var days = await store.ReadCountersAsync(
            new CounterQuery(tenantId, ReturnOutcomes.CustomerReturnsByCustomer, [new CounterRange(range.From, range.To)]), cancellationToken);
        return new CustomerHistory((int)Math.Min(days.Sum(d => d.Value), int.MaxValue), flagged);
    }
}
