using ReverseLogistics.Domain.Routing;
using ReverseLogistics.Domain.Pickups;
using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Receiving;

namespace ReverseLogistics.Domain.Returns;

/// <summary>The persisted state of a return actor.</summary>
public sealed class ReturnRecord
{
    public ReturnRequest Request { get; set; } = new();
    public string CustomerName { get; set; } = "";
    public bool CustomerFlagged { get; set; }
    /// <summary>The policy in force when the return was created: it prices the return to the end.</summary>
    public ReturnPolicy Policy { get; set; } = ReturnPolicy.Default;
    public EligibilityResult? Eligibility { get; set; }
    public RmaState Rma { get; set; } = new();
    public RefundBreakdown? Refund { get; set; }
    public string TenantName { get; set; } = "";
    public Destination? Destination { get; set; }

    /// <summary>The routing decision taken at approval (or the last reroute): where, and why.</summary>
    public ReturnRoute? Routing { get; set; }
    public string? TrackingNumber { get; set; }
    public string? PaymentReference { get; set; }
    /// <summary>What the fulfilment centre recorded: arrival, inspections, dispositions, discrepancies.</summary>
    public ReceivingState Receiving { get; set; } = new();
    /// <summary>The customer pickup booked for a carrier-pickup return, if any (also when cancelled or missed).</summary>
    public PickupBooking? Pickup { get; set; }
    /// <summary>What the carrier reported: the latest carrier time applied and the answer to each event.</summary>
    public TrackingState Tracking { get; set; } = new();
    /// <summary>
    /// The analytics facets this return is counted in (<see cref="Analytics.ReturnAnalytics"/>): every current one for a
    /// return created now; none for one stored before analytics existed, until the backfill counts it.
    /// </summary>
    public List<string> AnalyticsFacets { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
