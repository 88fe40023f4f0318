using Google.Protobuf;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Silo.Idempotency;

/// <summary>A mutation's identity for idempotency: whose request id it is, and a fingerprint of the request.</summary>
public sealed record IdempotencyTicket(string TenantId, string RequestId, string Method, string Fingerprint)
{
    /// <summary>The record committed with the mutation's state, so the first result and the change land together.</summary>
    public IdempotencyRecord Record(IMessage response, DateTime now) =>
        new(TenantId, RequestId, Method, Fingerprint, response.ToByteArray(), now);
}
