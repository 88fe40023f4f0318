using ReverseLogistics.Domain.Returns;

namespace ReverseLogistics.Silo.Routing;

/// <summary>Sends every return to one default centre, until the fulfilment network routes them.</summary>
public sealed class DefaultCentreRouter(Destination defaultCentre) : IReturnRouter
{
    public static readonly Destination Default = new(
        "FC-DEFAULT", "Returns Centre", ["1 Returns Way"], "Leipzig", "04109", "DE");

    public Destination Route(string tenantId, ReturnRequest request) => defaultCentre;
}
