namespace ReverseLogistics.Domain.Network;

/// <summary>What a centre must offer to take a tenant's returns of one category, e.g. batteries need hazmat.</summary>
public sealed record CategoryServices(string Category, CenterServices Services);
