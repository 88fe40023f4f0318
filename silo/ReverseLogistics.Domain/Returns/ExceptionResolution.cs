namespace ReverseLogistics.Domain.Returns;

/// <summary>How a merchant gets a return out of state exception.</summary>
public enum ExceptionResolution
{
    /// <summary>Back to the state the exception was raised in, e.g. the parcel turned up.</summary>
    Resume = 1,
    /// <summary>Refund anyway: the return's refund as it stands, or an amount the merchant chose.</summary>
    Refund = 2,
    StoreCredit = 3,
    /// <summary>Nothing is refunded.</summary>
    Close = 4,
}
