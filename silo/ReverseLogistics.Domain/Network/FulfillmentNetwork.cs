namespace ReverseLogistics.Domain.Network;

/// <summary>A snapshot of the centres, carriers and contracts that routing decides over.</summary>
public sealed record FulfillmentNetwork
{
    public IReadOnlyList<FulfillmentCenter> Centers { get; init; } = [];
    public IReadOnlyList<Carrier> Carriers { get; init; } = [];
    public IReadOnlyList<TenantContract> Contracts { get; init; } = [];
}
