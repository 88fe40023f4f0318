namespace ReverseLogistics.Domain.Routing;

/// <summary>Why a centre cannot take a return, in the order the router checks.</summary>
public enum RejectionCode
{
    Paused = 1,
    NotContracted = 2,
    CategoryNotAccepted = 3,
    ServiceMissing = 4,
    NoCarrierCoverage = 5,
    ClosedOnArrivalDay = 6,
    Full = 7,
}
