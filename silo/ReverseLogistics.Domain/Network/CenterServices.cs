namespace ReverseLogistics.Domain.Network;

/// <summary>What a centre can do with a returned unit beyond receiving it.</summary>
[Flags]
public enum CenterServices
{
    None = 0,
    Grading = 1,
    Refurbishment = 2,
    Hazmat = 4,
    Liquidation = 8,
    All = Grading | Refurbishment | Hazmat | Liquidation,
}
