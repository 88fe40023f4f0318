namespace ReverseLogistics.Domain.Webhooks;

/// <summary>What one attempt did to the endpoint's head event.</summary>
public enum AttemptOutcome
{
    Delivered,
    /// <summary>Failed; tried again at the head's next attempt time.</summary>
    Retrying,
    DeadLettered,
    /// <summary>Dead-lettered, and that was one too many in a row: the endpoint is disabled.</summary>
    DeadLetteredAndDisabled,
}
