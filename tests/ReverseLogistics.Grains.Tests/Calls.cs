using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grains.Idempotency;

namespace ReverseLogistics.Grains.Tests;

/// <summary>What a service hands a grain with every mutation: who calls, and the request's identity for idempotency.</summary>
public static class Calls
{
    public static Caller Operator { get; } = new(TenantIds.Platform, ApiKeyRole.Operator, "k-operator");

    public static Caller Merchant(string tenantId) => new(tenantId, ApiKeyRole.Merchant, "k-merchant");

    /// <summary>A new request of <paramref name="tenantId"/>'s; its fingerprint stands for the request's content.</summary>
    public static IdempotencyTicket Ticket(string tenantId, string method = "/test/Mutate") =>
        new(tenantId, "req-" + Guid.NewGuid().ToString("N"), method, "fingerprint");

    /// <summary>A merchant tenant id no other test uses.</summary>
    public static string NewTenantId() => "t-" + Guid.NewGuid().ToString("N")[..12];
}
