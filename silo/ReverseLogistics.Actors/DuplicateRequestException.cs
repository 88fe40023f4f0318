using ReverseLogistics.Storage;

namespace ReverseLogistics.Actors;

/// <summary>The request id was already used in this tenant: nothing was written; look up the first result.</summary>
public sealed class DuplicateRequestException(ActorKey key, string requestId)
    : Exception($"Request {requestId} was already handled (tenant {key.TenantId}).")
{
    public ActorKey Key { get; } = key;

    public string RequestId { get; } = requestId;
}
