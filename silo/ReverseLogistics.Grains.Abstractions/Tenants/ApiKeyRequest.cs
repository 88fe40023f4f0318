using Orleans;
using ReverseLogistics.Domain.Tenants;

namespace ReverseLogistics.Grains.Tenants;

/// <summary>A key to issue. <see cref="CenterExists"/>: the caller checked the network for <see cref="FulfillmentCenterId"/>.</summary>
[GenerateSerializer]
public sealed record ApiKeyRequest(
    [property: Id(0)] ApiKeyRole Role,
    [property: Id(1)] string? FulfillmentCenterId,
    [property: Id(2)] string Description,
    [property: Id(3)] bool CenterExists);
