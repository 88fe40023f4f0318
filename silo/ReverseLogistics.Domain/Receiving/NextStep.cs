namespace ReverseLogistics.Domain.Receiving;

/// <summary>What a handheld should do next with a parcel.</summary>
public enum NextStep
{
    Receive = 1,
    Inspect = 2,
    SetDisposition = 3,
    /// <summary>Set the parcel aside: the return cannot be received now (not approved, cancelled, in exception).</summary>
    Hold = 4,
    Done = 5,
}
