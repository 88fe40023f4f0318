namespace ReverseLogistics.Storage;

/// <summary>
/// Addresses one actor: its tenant always comes first (every table's primary key leads with
/// tenant_id), then the actor type ("tenant", "return", ...) and its id within the tenant.
/// Each part is non-empty and at most 256 characters; ordering compares them ordinally (byte order).
/// </summary>
public readonly record struct ActorKey(string TenantId, string ActorType, string Id)
{
    public override string ToString() => $"{ActorType}/{TenantId}/{Id}";
}
