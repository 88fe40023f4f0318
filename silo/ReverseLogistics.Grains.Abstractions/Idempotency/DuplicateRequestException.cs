using Orleans;

namespace ReverseLogistics.Grains.Idempotency;

/// <summary>The request id was already used in this tenant: nothing was written; look up the first result.</summary>
[GenerateSerializer]
public sealed class DuplicateRequestException(string tenantId, string requestId)
    : Exception($"Request {requestId} was already handled (tenant {tenantId}).")
{
    [Id(0)]
    public string TenantId { get; } = tenantId;

    [Id(1)]
    public string RequestId { get; } = requestId;
}
