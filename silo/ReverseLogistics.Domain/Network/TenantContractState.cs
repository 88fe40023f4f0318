namespace ReverseLogistics.Domain.Network;

public sealed class TenantContractState
{
    public TenantContract? Contract { get; set; }
    public DateTime UpdatedAt { get; set; }
}
