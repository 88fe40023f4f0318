namespace ReverseLogistics.Domain.Returns;

/// <summary>What went wrong when a return is put into the exception state.</summary>
public enum ExceptionKind
{
    Damaged = 1,
    WrongItem = 2,
    Missing = 3,
    LostInTransit = 4,
    /// <summary>The parcel arrived with nothing in it.</summary>
    EmptyBox = 5,
    /// <summary>The carrier missed the pickup more often than the platform rebooks it.</summary>
    MissedPickup = 6,
    /// <summary>The carrier reported a problem with the parcel (tracking event).</summary>
    CarrierException = 7,
}
