using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Grpc.Core;
using ReverseLogistics.Actors;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Silo.Security;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Silo.Idempotency;

/// <summary>
/// Makes mutations safe to retry. Each carries a client-chosen request_id, scoped to the
/// caller's tenant: a retry returns the first result; the same id on a different request is
/// refused. The record is committed atomically with the mutation it describes.
/// </summary>
public sealed class IdempotentRequests(IActorStore store)
{
    public const int MaxRequestIdLength = 128;

    /// <summary>
    /// Runs <paramref name="mutation"/> for the calling tenant unless this request already ran, in which
    /// case its first result is returned. The mutation must commit <c>ticket.Record(response, now)</c>
    /// together with its state. With <paramref name="sealResponse"/> (responses carrying a secret) the
    /// recorded result is encrypted under the caller's credential and only replayed to that credential.
    /// </summary>
    public async Task<TResponse> RunAsync<TRequest, TResponse>(ServerCallContext context, string requestId, TRequest request,
        MessageParser<TResponse> parser, Func<Caller, IdempotencyTicket, Task<TResponse>> mutation, bool sealResponse = false)
        where TRequest : IMessage<TRequest> where TResponse : class, IMessage<TResponse>
    {
        new Validator()
            .Require(requestId.Length > 0, "request_id", "required: a client-chosen id that makes the call safe to retry")
            .Require(requestId.Length <= MaxRequestIdLength, "request_id", $"at most {MaxRequestIdLength} characters")
            .ThrowIfInvalid();
        var caller = context.GetCaller();
        var fingerprint = Fingerprint(context.Method, request);
        var ticket = new IdempotencyTicket(caller.TenantId, requestId, context.Method, fingerprint)
        {
            SealingKey = sealResponse ? ResponseSeal.DeriveKey(context.GetCredential(), fingerprint) : null,
        };
        var cancellationToken = context.CancellationToken;

        if (await FindFirstResultAsync(ticket, parser, cancellationToken) is { } first) return first;
        try
        {
            return await mutation(caller, ticket);
        }
        catch (Exception e) when (e is DuplicateRequestException or DomainException)
        {
            // A concurrent retry of this request may have committed first (so this attempt found the
            // object already created, or its record already taken): answer with that result.
            var committed = await FindFirstResultAsync(ticket, parser, cancellationToken);
            if (committed is null) throw;
            return committed;
        }
    }

    private async Task<TResponse?> FindFirstResultAsync<TResponse>(IdempotencyTicket ticket, MessageParser<TResponse> parser,
        CancellationToken cancellationToken) where TResponse : class, IMessage<TResponse>
    {
        var record = await store.FindRequestAsync(ticket.TenantId, ticket.RequestId, cancellationToken);
        if (record is null) return null;
        if (record.Method != ticket.Method || record.Fingerprint != ticket.Fingerprint)
            throw new PreconditionFailedException(
                $"request_id '{ticket.RequestId}' was already used at {record.CreatedAt:O} for a different request ({record.Method}); " +
                "use a new request_id for a new request.");
        if (ticket.SealingKey is null) return parser.ParseFrom(record.Response);
        var opened = ResponseSeal.TryOpen(ticket.SealingKey, record.Response, ticket.SealContext)
            ?? throw new PreconditionFailedException(
                $"request_id '{ticket.RequestId}' already ran, and its result holds a secret that is only replayed to the API key that made the request; " +
                "retry with that key, or use a new request_id.");
        return parser.ParseFrom(opened);
    }

    /// <summary>A hash of the method and the request without its request_id, so retries match and different requests do not.</summary>
    private static string Fingerprint<TRequest>(string method, TRequest request) where TRequest : IMessage<TRequest>
    {
        var body = request.Clone();
        body.Descriptor.FindFieldByName("request_id")?.Accessor.Clear(body);
        var bytes = Encoding.UTF8.GetBytes(method).Concat(body.ToByteArray()).ToArray();
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
