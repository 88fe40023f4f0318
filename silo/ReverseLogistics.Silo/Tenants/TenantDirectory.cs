using System.Text.Json;
using ReverseLogistics.Actors;
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

        var response = new ListTenantsResponse();
        var cursor = after is null ? (ActorKey?)null : new ActorKey(after, TenantActor.TypeName, after);
        while (response.Tenants.Count < size)
        {
            var page = await store.ListAsync(TenantActor.TypeName, null, cursor, size - response.Tenants.Count, cancellationToken);
            if (page.Count == 0) break;
            foreach (var (key, record) in page)
            {
                if (key.TenantId != TenantIds.Platform)
                    response.Tenants.Add(TenantMapper.ToProto(key.TenantId, JsonSerializer.Deserialize<TenantState>(record.State, ActorJson.Options)!));
            }
            cursor = page[^1].Key;
        }
        if (response.Tenants.Count == size && cursor is { } last)
        {
            var more = await store.ListAsync(TenantActor.TypeName, null, last, 1, cancellationToken);
            if (more.Count > 0) response.NextPageToken = PageTokens.Encode(response.Tenants[^1].TenantId);
        }
        return response;
    }
}
