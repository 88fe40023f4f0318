using Orleans;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Tenants;

namespace ReverseLogistics.Grains.Tenants;

/// <summary>A tenant as committed at <see cref="Version"/> (0 and not <see cref="Exists"/> for a tenant never created).</summary>
/// <remarks>Immutable: it reaches callers on the same silo without a copy, sharing the grain's state (see StoreGrain); never change it.</remarks>
[GenerateSerializer, Immutable]
public sealed record TenantSnapshot(
    [property: Id(0)] string TenantId,
    [property: Id(1)] long Version,
    [property: Id(2)] bool Exists,
    [property: Id(3)] TenantState State)
{
    public KeyRing KeyRing => KeyRing.Of(new Tenant(TenantId, State, Exists), Version);

    /// <summary>This tenant; NOT_FOUND when it was never created.</summary>
    public TenantSnapshot RequireExisting() => Exists ? this : throw new NotFoundException($"Tenant '{TenantId}' not found.");
}
