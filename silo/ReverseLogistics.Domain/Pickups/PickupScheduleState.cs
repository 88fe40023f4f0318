namespace ReverseLogistics.Domain.Pickups;

public sealed class PickupScheduleState
{
    public PickupSchedule Schedule { get; set; } = new();
    public PickupScheduleStatus Status { get; set; } = PickupScheduleStatus.Active;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
