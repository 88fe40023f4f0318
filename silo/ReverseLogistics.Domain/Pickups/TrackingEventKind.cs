namespace ReverseLogistics.Domain.Pickups;

/// <summary>What a carrier reports about a parcel.</summary>
public enum TrackingEventKind
{
    PickedUp = 1,
    InTransit = 2,
    DeliveredToCenter = 3,
    Exception = 4,
}
