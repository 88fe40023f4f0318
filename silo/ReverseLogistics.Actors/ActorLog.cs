using Microsoft.Extensions.Logging;

namespace ReverseLogistics.Actors;

internal static partial class ActorLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "{ActorType} {TenantId}/{ActorId} activated at version {Version}")]
    public static partial void Activated(this ILogger logger, string actorType, string tenantId, string actorId, long version);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{ActorType} {TenantId}/{ActorId} reloaded at version {Version}")]
    public static partial void Reloaded(this ILogger logger, string actorType, string tenantId, string actorId, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ActorType} {TenantId}/{ActorId} could not be loaded")]
    public static partial void LoadFailed(this ILogger logger, Exception exception, string actorType, string tenantId, string actorId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{ActorType} {TenantId}/{ActorId} hit a version conflict; rerunning the turn ({Retry}/{MaxRetries})")]
    public static partial void RetryingConflict(this ILogger logger, string actorType, string tenantId, string actorId, int retry, int maxRetries);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{ActorType} {TenantId}/{ActorId} deactivated")]
    public static partial void Deactivated(this ILogger logger, string actorType, string tenantId, string actorId);

    [LoggerMessage(Level = LogLevel.Error, Message = "{ActorType} {TenantId}/{ActorId} failed in OnDeactivateAsync")]
    public static partial void DeactivationFailed(this ILogger logger, Exception exception, string actorType, string tenantId, string actorId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Idle actor scan failed")]
    public static partial void IdleScanFailed(this ILogger logger, Exception exception);
}
