using Orleans;
using ReverseLogistics.Domain.Returns;

namespace ReverseLogistics.Grains.Returns;

/// <summary>A return as committed: the services map it to a Return, a Parcel or a Pickup.</summary>
[GenerateSerializer]
public sealed record ReturnSnapshot(
    [property: Id(0)] string TenantId,
    [property: Id(1)] string ReturnId,
    [property: Id(2)] ReturnRecord State);
