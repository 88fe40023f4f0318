namespace ReverseLogistics.Domain.Returns;

/// <summary>How the parcel leaves the customer.</summary>
public enum ReturnMethod
{
    CarrierPickup = 1,
    DropOffPoint = 2,
    InStore = 3,
}
