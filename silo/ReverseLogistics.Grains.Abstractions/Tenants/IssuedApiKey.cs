using Orleans;
using ReverseLogistics.Domain.Tenants;

namespace ReverseLogistics.Grains.Tenants;

/// <summary>A new key and its secret, shown once (its recorded first result is sealed).</summary>
[GenerateSerializer]
public sealed record IssuedApiKey(
    [property: Id(0)] string TenantId,
    [property: Id(1)] ApiKeyState Key,
    [property: Id(2)] string Secret);
