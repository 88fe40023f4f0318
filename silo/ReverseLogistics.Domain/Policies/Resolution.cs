namespace ReverseLogistics.Domain.Policies;

/// <summary>What the customer gets back for an accepted return.</summary>
public enum Resolution
{
    RefundToOriginalPayment = 1,
    StoreCredit = 2,
    Exchange = 3,
}
