using System.IO.Compression;
using System.Text.Json;
using Orleans;
using ReverseLogistics.Domain.Errors;

namespace ReverseLogistics.Grains.Idempotency;

/// <summary>
/// A mutation's identity for idempotency: whose request id it is, and a fingerprint of the request.
/// The grain commits <see cref="Record{TResult}"/> with its state, so the first result and the change land together.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record IdempotencyTicket(
    [property: Id(0)] string TenantId,
    [property: Id(1)] string RequestId,
    [property: Id(2)] string Method,
    [property: Id(3)] string Fingerprint)
{
    /// <summary>Set for results that carry a secret: the recorded result is then encrypted with it (see <see cref="ResponseSeal"/>).</summary>
    [Id(4)]
    public byte[]? SealingKey { get; init; }

    /// <summary>What the seal authenticates besides the bytes: a sealed result cannot be moved to another request.</summary>
    public string SealContext => $"{TenantId}\n{RequestId}\n{Method}";

    /// <summary>
    /// The record of a grain's result: gzipped JSON, read back by <see cref="ReadResult{TResult}"/>. A result often holds the
    /// grain's whole state; compressed it adds about a third as much to the commit, and the records' table stays compact.
    /// </summary>
    public Storage.IdempotencyRecord Record<TResult>(TResult result, DateTime now)
    {
        var response = Gzip(JsonSerializer.SerializeToUtf8Bytes(result, DomainJson.Options));
        return new(TenantId, RequestId, Method, Fingerprint, SealingKey is null ? response : ResponseSeal.Seal(SealingKey, response, SealContext), now);
    }

    /// <summary>A result recorded by <see cref="Record{TResult}"/>, once unsealed.</summary>
    /// <exception cref="PreconditionFailedException">The record is not JSON: versions before the Orleans move recorded protobuf.</exception>
    public static TResult ReadResult<TResult>(byte[] recorded)
    {
        try
        {
            var json = IsGzip(recorded) ? Gunzip(recorded) : recorded; // plain JSON: recorded before results were compressed
            return JsonSerializer.Deserialize<TResult>(json, DomainJson.Options) ?? throw new JsonException("A recorded result is null.");
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            throw new PreconditionFailedException(
                "This request_id already ran, but its result was recorded by an earlier version of the platform and cannot be replayed; " +
                "look the object up instead of retrying.");
        }
    }

    private static bool IsGzip(byte[] bytes) => bytes is [0x1f, 0x8b, ..];

    private static byte[] Gzip(byte[] bytes)
    {
        using var compressed = new MemoryStream(bytes.Length / 2);
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest)) gzip.Write(bytes);
        return compressed.ToArray();
    }

    private static byte[] Gunzip(byte[] bytes)
    {
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var json = new MemoryStream();
        gzip.CopyTo(json);
        return json.ToArray();
    }
}
