namespace ReverseLogistics.Domain.Network;

public sealed class CarrierState
{
    public Carrier Carrier { get; set; } = new();
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
