using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Routing;

namespace ReverseLogistics.Grains.Routing;

/// <summary>Chooses the fulfilment centre a return goes to, and holds its place in the centre's receiving capacity.</summary>
public interface IReturnRouter
{
    /// <summary>The decision routing would take now. Books nothing.</summary>
    Task<ReturnRoute> PreviewAsync(RoutingSubject subject, DateTime now, CancellationToken cancellationToken);

    /// <summary>
    /// Routes the return and books its units at the winner on the arrival day (idempotently per return).
    /// A route without a destination means no centre could take it; nothing is booked then.
    /// </summary>
    /// <param name="beforeBooking">Runs before the first booking, if any is made: a repeated request stops there.</param>
    Task<ReturnRoute> AssignAsync(RoutingSubject subject, DateTime now, Func<Task>? beforeBooking, CancellationToken cancellationToken);

    /// <summary>Frees the return's booking at a centre it no longer goes to.</summary>
    Task ReleaseAsync(RoutingSubject subject, HeldCapacity held, CancellationToken cancellationToken);
}
