using Grpc.Core;
using ReverseLogistics.V1;

namespace ReverseLogistics.LoadGen;

/// <summary>
/// After a run, every return of the run's tenant, listed with ListReturns page by page, against the calls made:
/// each acknowledged return must be listed, no request id may have produced two returns, and every listed return
/// must come from a call of the run. A call that failed (a deadline, a dropped connection) may still have been
/// committed: such returns are counted apart, as "committed though the call failed", and are not a loss or a duplicate.
/// </summary>
internal sealed record Check(int Listed, int Acknowledged, int Missing, int RequestIdsWithSeveralReturns, int IdMismatches,
    int CommittedThoughFailed, int Unknown)
{
    public bool Ok => Missing == 0 && RequestIdsWithSeveralReturns == 0 && IdMismatches == 0 && Unknown == 0;

    public bool CountsEqual => Listed == Acknowledged;

    /// <summary>Lists the tenant's returns through <paramref name="returns"/>, checks them against the calls and prints the check; null when listing failed.</summary>
    public static async Task<Check?> RunAsync(ReturnsService.ReturnsServiceClient returns, IReadOnlyCollection<CallRecord> calls, TextWriter output, string tenantId)
    {
        List<Return> listed;
        try
        {
            listed = await ListAllAsync(returns, CancellationToken.None);
        }
        catch (RpcException e)
        {
            output.WriteLine($"check: FAILED: could not list the returns of tenant {tenantId}: {e.StatusCode} ({e.Status.Detail})");
            return null;
        }
        var check = Of(calls, listed);
        check.Print(output, tenantId);
        return check;
    }

    public static async Task<List<Return>> ListAllAsync(ReturnsService.ReturnsServiceClient returns, CancellationToken cancellationToken)
    {
        var all = new List<Return>();
        var token = "";
        do
        {
            var page = await returns.ListReturnsAsync(new ListReturnsRequest { PageSize = 500, PageToken = token },
                deadline: DateTime.UtcNow.AddSeconds(60), cancellationToken: cancellationToken);
            all.AddRange(page.Returns);
            token = page.NextPageToken;
        } while (token.Length > 0);
        return all;
    }

    public static Check Of(IReadOnlyCollection<CallRecord> calls, IReadOnlyCollection<Return> listed)
    {
        var byReference = listed.GroupBy(r => r.CustomerReference).ToDictionary(g => g.Key, g => g.Select(r => r.ReturnId).ToList());
        var listedIds = listed.Select(r => r.ReturnId).ToHashSet();
        var acknowledged = calls.Where(c => c.Acknowledged).ToList();
        var failedReferences = calls.Where(c => !c.Acknowledged).Select(c => c.CustomerReference).ToHashSet();
        var acknowledgedReferences = acknowledged.Select(c => c.CustomerReference).ToHashSet();

        var missing = acknowledged.Count(c => !listedIds.Contains(c.ReturnId!));
        var mismatches = acknowledged.Count(c => byReference.TryGetValue(c.CustomerReference, out var ids) && !ids.Contains(c.ReturnId!));
        var several = byReference.Count(g => g.Value.Count > 1);
        var committedThoughFailed = byReference.Keys.Count(failedReferences.Contains);
        var unknown = byReference.Keys.Count(reference => !acknowledgedReferences.Contains(reference) && !failedReferences.Contains(reference));
        return new Check(listed.Count, acknowledged.Count, missing, several, mismatches, committedThoughFailed, unknown);
    }

    public void Print(TextWriter output, string tenantId)
    {
        output.WriteLine($"check: ListReturns lists {Listed} returns for tenant {tenantId}; {Acknowledged} were acknowledged: " +
            (CountsEqual ? "equal" : Ok && Listed - Acknowledged == CommittedThoughFailed
                ? $"not equal: the {CommittedThoughFailed} more came from calls that failed on the client (a deadline, a dropped connection) but were committed"
                : "NOT equal"));
        output.WriteLine($"       acknowledged but not listed {Missing}, request ids with more than one return {RequestIdsWithSeveralReturns}, " +
            $"listed under another id {IdMismatches}, committed though the call failed {CommittedThoughFailed}, from no call of this run {Unknown}");
        output.WriteLine($"       {(Ok ? "OK: no loss, no duplicates" : "FAILED: returns lost or duplicated")}");
    }
}
