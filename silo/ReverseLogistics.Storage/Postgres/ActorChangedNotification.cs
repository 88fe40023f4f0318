using System.Text.Json;

namespace ReverseLogistics.Storage.Postgres;

/// <summary>
/// The payload of a notification on <see cref="Channel"/>. JSON, so no id can break its framing;
/// <see cref="Node"/> names the store instance that committed, so it can ignore its own.
/// </summary>
internal sealed record ActorChangedNotification(string Node, string TenantId, string ActorType, string ActorId, long Version)
{
    public const string Channel = "rl_actor_changed";

    public string ToJson() => JsonSerializer.Serialize(this);

    public static ActorChangedNotification? FromJson(string json) => JsonSerializer.Deserialize<ActorChangedNotification>(json);
}
