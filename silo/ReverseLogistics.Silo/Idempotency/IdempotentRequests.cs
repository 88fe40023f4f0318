using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Grpc.Core;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grains.Idempotency;
using ReverseLogistics.Silo.Security;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Silo.Idempotency;

/// <summary>
/// Makes mutations safe to retry. Each carries a client-chosen request_id, scoped to the
/// caller's tenant: a retry returns the first result; the same id on a different request is
/// refused. The grain commits the record atomically with the mutation it describes.
/// </summary>
public sealed class IdempotentRequests(IActorStore store)
{
    public const int MaxRequestIdLength = 128;

    /// <summary>
    /// Runs <paramref name="mutation"/> (a grain call that commits <c>ticket.Record(result, now)</c> with its state)
    /// for the calling tenant unless this request already ran, in which case its first result is returned.
    /// With <paramref name="sealResponse"/> (results carrying a secret) the recorded result is encrypted under
    /// the caller's credential and only replayed to that credential.
    /// </summary>
    /// <param name="check">When a repeat is found: see <see cref="RepeatCheck"/>.</param>
    public async Task<TResult> RunAsync<TRequest, TResult>(ServerCallContext context, string requestId, TRequest request,
        Func<Caller, IdempotencyTicket, Task<TResult>> mutation, bool sealResponse = false, RepeatCheck check = RepeatCheck.BeforeRunning)
        where TRequest : IMessage<TRequest>
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

        if (check == RepeatCheck.BeforeRunning && await FindFirstResultAsync(ticket, cancellationToken) is { } first)
            return IdempotencyTicket.ReadResult<TResult>(first);
        try
        {
            return await mutation(caller, ticket);
        }
        catch (Exception e) when (e is DuplicateRequestException or DomainException)
        {
            // A concurrent retry of this request may have committed first (so this attempt found the
            // object already created, or its record already taken): answer with that result.
            var committed = await FindFirstResultAsync(ticket, cancellationToken);
            if (committed is null) throw;
            return IdempotencyTicket.ReadResult<TResult>(committed);
        }
    }

    /// <summary>The recorded first result's bytes (unsealed), or null when the request has not run.</summary>
    private async Task<byte[]?> FindFirstResultAsync(IdempotencyTicket ticket, CancellationToken cancellationToken)
    {
        var record = await store.FindRequestAsync(ticket.TenantId, ticket.RequestId, cancellationToken);
        if (record is null) return null;
        if (record.Method != ticket.Method || record.Fingerprint != ticket.Fingerprint)
            throw new PreconditionFailedException(
                $"request_id '{ticket.RequestId}' was already used at {record.CreatedAt:O} for a different request ({record.Method}); " +
                "use a new request_id for a new request.");
        if (ticket.SealingKey is null) return record.Response;
        return ResponseSeal.TryOpen(ticket.SealingKey, record.Response, ticket.SealContext)
            ?? throw new PreconditionFailedException(
                $"request_id '{ticket.RequestId}' already ran, and its result holds a secret that is only replayed to the API key that made the request; " +
                "retry with that key, or use a new request_id.");
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
