namespace ReverseLogistics.Domain.Tenants;

public enum ApiKeyRole
{
    /// <summary>A merchant's system, within its own tenant.</summary>
    Merchant = 1,
    /// <summary>A warehouse handheld, for one fulfilment centre of the 3PL.</summary>
    Handheld = 2,
    /// <summary>The 3PL's operators.</summary>
    Operator = 3,
}
