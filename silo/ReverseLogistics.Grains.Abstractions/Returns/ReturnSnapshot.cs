using Orleans;
using ReverseLogistics.Domain.Returns;

namespace ReverseLogistics.Grains.Returns;

/// <summary>A return as committed: the services map it to a Return, a Parcel or a Pickup.</summary>
/// <remarks>Immutable: it reaches callers on the same silo without a copy, sharing the grain's state (see StoreGrain); never change it.</remarks>
[GenerateSerializer, Immutable]
public sealed record ReturnSnapshot(
    [property: Id(0)] string TenantId,
    [property: Id(1)] string ReturnId,
    [property: Id(2)] ReturnRecord State);
