using Orleans;
using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Routing;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grains.Network;

namespace ReverseLogistics.Grains.Routing;

/// <summary>
/// Routes over the in-memory <see cref="NetworkSnapshot"/> and books capacity on the winning centre's
/// grain. The snapshot's loads may lag bookings made through other silos; the centre grain has the
/// last word, its answer updates the snapshot, and when it refuses (full by now) the return is routed again on the fresher loads.
/// </summary>
public sealed class NetworkReturnRouter(NetworkSnapshot snapshot, IGrainFactory grains) : IReturnRouter
{
    public const int BookingAttempts = 3;

    public async Task<ReturnRoute> PreviewAsync(RoutingSubject subject, DateTime now, CancellationToken cancellationToken) =>
        Decide(await snapshot.CurrentAsync(cancellationToken), subject, now);

    public async Task<ReturnRoute> AssignAsync(RoutingSubject subject, DateTime now, Func<Task>? beforeBooking, CancellationToken cancellationToken)
    {
        var key = subject.BookingKey ?? throw new ArgumentException("Only a return can be booked.", nameof(subject));
        ReturnRoute route = new();
        for (var attempt = 0; attempt < BookingAttempts; attempt++)
        {
            route = await PreviewAsync(subject, now, cancellationToken);
            if (route.Destination is null || route.DefaultCentre) return route;
            if (attempt == 0 && beforeBooking is not null) await beforeBooking();
            var centerId = route.Destination.FulfillmentCenterId;
            var answer = await grains.FulfillmentCenter(centerId)
                .BookAsync(key, new CapacityBooking(route.ArrivalDay, subject.Units), HeldAt(subject, centerId)).WaitAsync(cancellationToken);
            snapshot.Observe(centerId, answer.Day, answer.UnitsThatDay);
            if (answer.Booked) return route;
        }
        return route with
        {
            Destination = null,
            Decision = route.Decision with { Winner = null, Explanation = $"Not routed: every centre chosen filled up while booking. {route.Decision.Explanation}" },
        };
    }

    public Task ReleaseAsync(RoutingSubject subject, HeldCapacity held, CancellationToken cancellationToken)
    {
        var key = subject.BookingKey ?? throw new ArgumentException("Only a return holds bookings.", nameof(subject));
        return grains.FulfillmentCenter(held.CenterId).ReleaseAsync(key, held.Booking).WaitAsync(cancellationToken);
    }

    private ReturnRoute Decide(NetworkView view, RoutingSubject subject, DateTime now)
    {
        var arrival = subject.ArrivalDay ?? ArrivalEstimate.For(now);
        var route = new ReturnRoute { ArrivalDay = arrival, Units = subject.Units, DecidedAt = now };
        var contract = view.ContractOf(subject.TenantId);
        if (contract is null && view.Centers.Count == 0)
        {
            return route with
            {
                Destination = DefaultCentre.Destination,
                DefaultCentre = true,
                Decision = new RoutingDecision
                {
                    Explanation = $"No fulfilment network is set up: sent to the default centre {DefaultCentre.Destination.FulfillmentCenterId}.",
                },
            };
        }

        var request = new RoutingRequest
        {
            TenantId = subject.TenantId,
            CountryCode = subject.Address.CountryCode,
            PostalCode = subject.Address.PostalCode,
            CustomerLocation = subject.Address.Location,
            Categories = subject.Categories,
            ServicesNeeded = (contract?.ServicesFor(subject.Categories) ?? CenterServices.None) | subject.ExtraServices,
            ReturnMethod = subject.Method,
            ArrivalDay = arrival,
        };
        var decision = view.Router.Route(request, (center, day) => snapshot.ExpectedUnits(center, day, HeldAt(subject, center)));
        return route with
        {
            Decision = decision,
            Destination = decision.CenterId is { } id ? DestinationOf(view.Centers[id]) : null,
        };
    }

    private static CapacityBooking? HeldAt(RoutingSubject subject, string centerId) =>
        subject.Held is { } held && held.CenterId == centerId ? held.Booking : null;

    private static Destination DestinationOf(FulfillmentCenter center) =>
        new(center.Id, center.Name, center.AddressLines, center.City, center.PostalCode, center.CountryCode);
}
