using ReverseLogistics.Domain.Network;

namespace ReverseLogistics.Domain.Routing;

/// <summary>The sentence a person reads next to a rejection code.</summary>
internal static class RejectionMessages
{
    public static string For(RejectionCode code, FulfillmentCenter center, RoutingRequest request, int? free) => code switch
    {
        RejectionCode.Paused => $"{center.Id} is paused.",
        RejectionCode.NotContracted => $"{center.Id} is not in tenant {request.TenantId}'s contract.",
        RejectionCode.CategoryNotAccepted =>
            $"{center.Id} does not accept {string.Join(", ", request.Categories.Where(c => !center.Accepts(c)).Distinct().Select(c => $"'{c}'"))}.",
        RejectionCode.ServiceMissing => $"{center.Id} does not offer {request.ServicesNeeded & ~center.Services}.",
        RejectionCode.NoCarrierCoverage =>
            $"No carrier collecting from {request.CountryCode} {request.PostalCode} by {request.ReturnMethod} delivers to {center.Id}.",
        RejectionCode.ClosedOnArrivalDay => $"{center.Id} does not receive on {request.ArrivalDay.DayOfWeek}s (arrival {request.ArrivalDay:yyyy-MM-dd}).",
        RejectionCode.Full =>
            $"{center.Id} is full on {request.ArrivalDay:yyyy-MM-dd}: {center.DailyCapacity - free} of {center.DailyCapacity} units already expected.",
        _ => code.ToString(),
    };
}
