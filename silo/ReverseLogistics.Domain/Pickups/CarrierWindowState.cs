namespace ReverseLogistics.Domain.Pickups;

public sealed class CarrierWindowState
{
    public PickupSlot? Slot { get; set; }

    /// <summary>The pickups booked into the window, in booking order: the manifest's stops.</summary>
    public List<ManifestStop> Stops { get; set; } = [];

    /// <summary>When the manifest was built; from then on the window is frozen.</summary>
    public DateTime? ManifestedAt { get; set; }

    /// <summary>Set for the occurrence of a pickup schedule: the carrier collects at the location, not from customers.</summary>
    public string? ScheduleId { get; set; }
    public PickupLocation? Location { get; set; }
}
