using System.Text.Json;
using ReverseLogistics.Grains;
using ReverseLogistics.Grains.Returns;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Silo.Paging;
using ReverseLogistics.Storage;
using ReverseLogistics.V1;

namespace ReverseLogistics.Silo.Returns;

/// <summary>Reads and lists a tenant's returns (newest first) as stored: no actor is activated.</summary>
public sealed class ReturnDirectory(IActorStore store)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public async Task<ListReturnsResponse> ListAsync(string tenantId, ListReturnsRequest request, CancellationToken cancellationToken)
    {
        var after = PageTokens.Decode(request.PageToken, ReturnIds.IsWellFormed);
        new Validator()
            .Require(request.PageSize is >= 0 and <= MaxPageSize, "page_size", $"between 0 and {MaxPageSize}")
            .Require(request.Status == ReturnStatus.Unspecified || Enum.IsDefined((ReturnState)(int)request.Status), "status", "unknown status")
            .ThrowIfInvalid();
        var size = request.PageSize == 0 ? DefaultPageSize : request.PageSize;

        var conditions = new List<IndexCondition>();
        if (request.Status != ReturnStatus.Unspecified)
            conditions.Add(IndexCondition.Equal(ReturnIndex.Status, ((ReturnState)(int)request.Status).ToString()));
        if (request.OrderReference.Length > 0) conditions.Add(IndexCondition.Equal(ReturnIndex.Order, request.OrderReference));
        if (request.CustomerReference.Length > 0) conditions.Add(IndexCondition.Equal(ReturnIndex.Customer, request.CustomerReference));
        if (request.CreatedAfter is not null || request.CreatedBefore is not null)
            conditions.Add(IndexCondition.Range(ReturnIndex.Created,
                request.CreatedAfter is { } from ? ReturnIndex.Timestamp(from.ToDateTime()) : null,
                request.CreatedBefore is { } to ? ReturnIndex.Timestamp(to.ToDateTime()) : null));

        var (returns, next) = await IndexPage.ReadAsync<ReturnRecord>(store,
            new IndexQuery(tenantId, ReturnGrain.TypeName, conditions, after, size, Descending: true), cancellationToken);
        var response = new ListReturnsResponse { NextPageToken = next };
        response.Returns.AddRange(returns.Select(r => ReturnMapper.ToProto(r.Key.Id, r.State)));
        return response;
    }

    /// <summary>The return as last committed; NOT_FOUND when the tenant has no such return.</summary>
    public async Task<ReturnRecord> ReadAsync(string tenantId, string returnId, CancellationToken cancellationToken)
    {
        var record = ReturnIds.IsWellFormed(returnId) ? await store.ReadAsync(new ActorKey(tenantId, ReturnGrain.TypeName, returnId), cancellationToken) : null;
        return record is null
            ? throw new NotFoundException($"Return '{returnId}' not found.")
            : JsonSerializer.Deserialize<ReturnRecord>(record.State, DomainJson.Options)!;
    }
}
