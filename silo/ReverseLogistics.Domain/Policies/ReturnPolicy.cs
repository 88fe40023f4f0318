using ReverseLogistics.Domain.Pricing;

namespace ReverseLogistics.Domain.Policies;

/// <summary>A merchant's return policy. Every amount in it is in <see cref="CurrencyCode"/>.</summary>
public sealed record ReturnPolicy
{
    public string CurrencyCode { get; init; } = "USD";

    /// <summary>Days to start a return, counted from delivery (or purchase when delivery is unknown), last day included.</summary>
    public int WindowDays { get; init; } = 30;

    public IReadOnlyList<string> NonReturnableSkus { get; init; } = [];

    /// <summary>E.g. final sale, virtual goods, gift cards.</summary>
    public IReadOnlyList<string> NonReturnableCategories { get; init; } = [];

    public IReadOnlyList<ReasonRule> Reasons { get; init; } = [];
    public RestockingFeeRule RestockingFee { get; init; } = new();
    public ReturnShippingRule ReturnShipping { get; init; } = new();
    public ResolutionOptions Resolutions { get; init; } = new();
    public AutoApproveRule AutoApprove { get; init; } = new();
    public FraudRule Fraud { get; init; } = new();
    public GradeRefunds GradeRefunds { get; init; } = new();

    /// <summary>Days a return label stays valid once issued; a return not shipped by then expires.</summary>
    public int LabelValidDays { get; init; } = 30;

    /// <summary>Hours a received return may wait for inspection before it is escalated.</summary>
    public int InspectionSlaHours { get; init; } = 48;

    /// <summary>Days the merchant's payment provider takes to put a settled refund in the customer's account; 0 when not known.</summary>
    public int RefundSettlementDays { get; init; }

    /// <summary>30 days, common reasons, no restocking fee, free return shipping, auto-approval up to 200.00 USD.</summary>
    public static ReturnPolicy Default { get; } = new()
    {
        NonReturnableCategories = ["final_sale", "virtual_goods", "gift_cards"],
        Reasons =
        [
            new ReasonRule { Code = "changed_mind", Label = "Changed my mind" },
            new ReasonRule { Code = "wrong_size", Label = "Wrong size" },
            new ReasonRule { Code = "not_as_described", Label = "Not as described" },
            new ReasonRule { Code = "wrong_item", Label = "Wrong item sent", WaivesFees = true },
            new ReasonRule { Code = "damaged", Label = "Damaged", RequiresPhoto = true, WaivesFees = true },
            new ReasonRule { Code = "damaged.in_transit", ParentCode = "damaged", Label = "Damaged in transit" },
            new ReasonRule { Code = "defective", Label = "Defective", WaivesFees = true },
        ],
        ReturnShipping = new ReturnShippingRule { Fee = Money.Zero("USD") },
        Resolutions = new ResolutionOptions
        {
            Allowed = [Resolution.RefundToOriginalPayment, Resolution.StoreCredit, Resolution.Exchange],
        },
        AutoApprove = new AutoApproveRule
        {
            Enabled = true,
            MaxTotalValue = new Money(200_00, "USD"),
            RequireCustomerNotFlagged = true,
        },
        Fraud = new FraudRule { LookbackDays = 90, MaxReturns = 5 },
    };

    public ReasonRule? FindReason(string code) => Reasons.FirstOrDefault(r => r.Code == code);

    public bool RequiresPhoto(string reasonCode) => Lineage(reasonCode).Any(r => r.RequiresPhoto);

    public bool WaivesFees(string reasonCode) => Lineage(reasonCode).Any(r => r.WaivesFees);

    /// <summary>True when the reason is one of <paramref name="codes"/> or a descendant of one.</summary>
    public bool ReasonIsWithin(string reasonCode, IEnumerable<string> codes) =>
        Lineage(reasonCode).Select(r => r.Code).Intersect(codes).Any();

    public bool IsFreeShippingCategory(string category) => ReturnShipping.FreeCategories.Contains(category);

    /// <summary>The reason and its ancestors, nearest first; stops at an unknown code or a cycle.</summary>
    private IEnumerable<ReasonRule> Lineage(string code)
    {
        var seen = new HashSet<string>();
        for (var reason = FindReason(code); reason is not null && seen.Add(reason.Code); reason = reason.ParentCode is { } p ? FindReason(p) : null)
            yield return reason;
    }
}
