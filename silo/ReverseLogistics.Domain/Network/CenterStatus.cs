namespace ReverseLogistics.Domain.Network;

public enum CenterStatus
{
    Active = 1,

    /// <summary>Temporarily takes no new returns (stocktake, strike, flood); routing skips it.</summary>
    Paused = 2,
}
