namespace ReverseLogistics.Domain.Network;

/// <summary>The centres that serve one tenant, most preferred first, and the services its categories need.</summary>
public sealed record TenantContract(string TenantId, IReadOnlyList<string> CenterIds)
{
    /// <summary>Categories not listed need no service beyond receiving.</summary>
    public IReadOnlyList<CategoryServices> CategoryServices { get; init; } = [];

    public CenterServices ServicesFor(IEnumerable<string> categories)
    {
        var needed = CenterServices.None;
        foreach (var category in categories)
            foreach (var rule in CategoryServices)
                if (rule.Category == category) needed |= rule.Services;
        return needed;
    }
}
