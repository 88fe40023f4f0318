using ReverseLogistics.Domain.Routing;

namespace ReverseLogistics.Domain.Routing;

/// <summary>A routing decision for a return, as stored on it: where it goes (null: nowhere yet) and why.</summary>
public sealed record ReturnRoute
{
    public RoutingDecision Decision { get; init; } = new();
    public Destination? Destination { get; init; }
    public DateOnly ArrivalDay { get; init; }
    public int Units { get; init; }
    public DateTime DecidedAt { get; init; }

    /// <summary>Sent to <see cref="Routing.DefaultCentre"/> because there is no network; nothing was booked.</summary>
    public bool DefaultCentre { get; init; }
}
