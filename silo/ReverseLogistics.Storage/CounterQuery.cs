namespace ReverseLogistics.Storage;

/// <summary>
/// The counters named <see cref="Name"/> whose key lies in one of <see cref="Ranges"/> (which must not overlap), of one tenant or, when
/// <see cref="TenantId"/> is null, of every tenant (the operator's view). Ordered by key, then tenant, both ordinally;
/// paged by keyset after (<see cref="AfterKey"/>, <see cref="AfterTenantId"/>), the last counter of the page before
/// (the tenant only across tenants). At most <see cref="Limit"/> per page.
/// </summary>
public sealed record CounterQuery(
    string? TenantId,
    string Name,
    IReadOnlyList<CounterRange> Ranges,
    int Limit = 10_000,
    string? AfterKey = null,
    string? AfterTenantId = null);
