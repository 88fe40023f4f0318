namespace ReverseLogistics.Domain.Pickups;

public enum PickupScheduleStatus
{
    Active = 1,
    Paused = 2,
}
