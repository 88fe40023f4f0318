using Google.Protobuf;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Silo.Idempotency;

/// <summary>A mutation's identity for idempotency: whose request id it is, and a fingerprint of the request.</summary>
public sealed record IdempotencyTicket(string TenantId, string RequestId, string Method, string Fingerprint)
{
    /// <summary>Set for responses that carry a secret: the recorded result is then encrypted with it (see <see cref="ResponseSeal"/>).</summary>
    public byte[]? SealingKey { get; init; }

    /// <summary>What the seal authenticates besides the bytes: a sealed result cannot be moved to another request.</summary>
    public string SealContext => $"{TenantId}\n{RequestId}\n{Method}";

    /// <summary>The record committed with the mutation's state, so the first result and the change land together.</summary>
    public IdempotencyRecord Record(IMessage response, DateTime now)
    {
        var bytes = response.ToByteArray();
        return new(TenantId, RequestId, Method, Fingerprint,
            SealingKey is null ? bytes : ResponseSeal.Seal(SealingKey, bytes, SealContext), now);
    }
}
