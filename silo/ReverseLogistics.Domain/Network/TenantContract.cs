namespace ReverseLogistics.Domain.Network;

/// <summary>The centres that serve one tenant, most preferred first.</summary>
public sealed record TenantContract(string TenantId, IReadOnlyList<string> CenterIds);
