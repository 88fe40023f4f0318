namespace ReverseLogistics.Domain.Routing;

/// <summary>Where returns go while the 3PL has no fulfilment network set up at all (a fresh install, the quick start).</summary>
public static class DefaultCentre
{
    public static readonly Destination Destination = new(
        "FC-DEFAULT", "Returns Centre", ["1 Returns Way"], "Leipzig", "04109", "DE");
}
