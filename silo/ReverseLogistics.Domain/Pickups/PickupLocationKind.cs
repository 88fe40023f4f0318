namespace ReverseLogistics.Domain.Pickups;

public enum PickupLocationKind
{
    FulfillmentCenter = 1,
    DropOffPoint = 2,
    Store = 3,
}
