namespace ReverseLogistics.Domain.Returns;

/// <summary>
/// One transition of a return: who did what, when. <see cref="Actor"/> is "kind:id", such as
/// "key:k123", "device:HH-7" or "system:auto-approve".
/// </summary>
public sealed record TimelineEntry(ReturnState From, ReturnState To, ReturnTrigger Trigger, string Actor, DateTime At, string? Details = null);
