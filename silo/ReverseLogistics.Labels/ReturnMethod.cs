namespace ReverseLogistics.Labels;

/// <summary>How the parcel leaves the customer. Only carrier pickups carry a tracking barcode.</summary>
public enum ReturnMethod
{
    CarrierPickup,
    DropOffPoint,
    InStore,
}
