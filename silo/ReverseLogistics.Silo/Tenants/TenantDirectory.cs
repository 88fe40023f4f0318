using ReverseLogistics.Grains.Tenants;
using ReverseLogistics.Grains;
using System.Text.Json;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Silo.Paging;
using ReverseLogistics.Storage;
using ReverseLogistics.V1;

namespace ReverseLogistics.Silo.Tenants;

/// <summary>Lists tenants straight from the store, page by page, without activating their actors.</summary>
public sealed class TenantDirectory(IActorStore store)
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    public async Task<ListTenantsResponse> ListAsync(int pageSize, string pageToken, CancellationToken cancellationToken)
    {
        var after = PageTokens.Decode(pageToken, TenantIds.IsValidMerchantId);
        new Validator()
            .Require(pageSize is >= 0 and <= MaxPageSize, "page_size", $"between 0 and {MaxPageSize}")
            .ThrowIfInvalid();
        var size = pageSize == 0 ? DefaultPageSize : pageSize;

        // The platform's own tenant may be among the rows (it is not a merchant), and one more
        // merchant than a page tells whether another page follows.
        var cursor = after is null ? (ActorKey?)null : new ActorKey(after, TenantGrain.TypeName, after);
        var merchants = (await store.ListAsync(TenantGrain.TypeName, null, cursor, size + 2, cancellationToken))
            .Where(row => row.Key.TenantId != TenantIds.Platform)
            .ToList();
        var response = new ListTenantsResponse();
        response.Tenants.AddRange(merchants.Take(size).Select(row =>
            TenantMapper.ToProto(row.Key.TenantId, JsonSerializer.Deserialize<TenantState>(row.Record.State, DomainJson.Options)!)));
        if (merchants.Count > size) response.NextPageToken = PageTokens.Encode(response.Tenants[^1].TenantId);
        return response;
    }
}
