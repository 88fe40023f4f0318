namespace ReverseLogistics.Domain.Returns;

/// <summary>Why a line cannot be returned, for machines; the message says it for people.</summary>
public enum IneligibilityCode
{
    OutsideWindow = 1,
    NonReturnableSku = 2,
    NonReturnableCategory = 3,
    ReasonNotAllowed = 4,
    PhotoRequired = 5,
    QuantityAbovePurchased = 6,
}
