using Orleans;
using ReverseLogistics.Domain.Policies;

namespace ReverseLogistics.Grains.Policies;

/// <summary>The policy in force and its revision (the stored version; 0 while the platform default applies).</summary>
/// <remarks>Immutable: it reaches callers on the same silo without a copy, sharing the grain's state (see StoreGrain); never change it.</remarks>
[GenerateSerializer, Immutable]
public sealed record PolicySnapshot(
    [property: Id(0)] ReturnPolicy Policy,
    [property: Id(1)] long Revision,
    [property: Id(2)] DateTime? UpdatedAt);
