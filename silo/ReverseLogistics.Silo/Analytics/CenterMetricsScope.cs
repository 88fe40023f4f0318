using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Grains;
using ReverseLogistics.Grains.Network;

namespace ReverseLogistics.Silo.Analytics;

/// <summary>
/// The centres GetCenterMetrics reports on: the one named, or every centre of the network (the default centre while there
/// is no network, as handhelds see it), in id order; and the business clock's today, which dates the backlog.
/// </summary>
public sealed class CenterMetricsScope(NetworkSnapshot network, PlatformClock time)
{
    public async Task<(IReadOnlyList<string> CenterIds, DateOnly Today)> ScopeAsync(string centerId, CancellationToken cancellationToken)
    {
        var view = await network.CurrentAsync(cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (centerId.Length > 0)
            return view.HasCentre(centerId) ? ([centerId], today) : throw new NotFoundException($"Fulfilment centre '{centerId}' not found.");
        IReadOnlyList<string> all = view.Centers.Count == 0
            ? [Domain.Routing.DefaultCentre.Destination.FulfillmentCenterId]
            : [.. view.Centers.Keys.Order(StringComparer.Ordinal)];
        return (all, today);
    }
}
