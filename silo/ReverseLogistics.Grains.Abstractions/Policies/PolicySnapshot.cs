using Orleans;
using ReverseLogistics.Domain.Policies;

namespace ReverseLogistics.Grains.Policies;

/// <summary>The policy in force and its revision (the stored version; 0 while the platform default applies).</summary>
[GenerateSerializer]
public sealed record PolicySnapshot(
    [property: Id(0)] ReturnPolicy Policy,
    [property: Id(1)] long Revision,
    [property: Id(2)] DateTime? UpdatedAt);
