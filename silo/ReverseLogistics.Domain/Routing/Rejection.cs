namespace ReverseLogistics.Domain.Routing;

public sealed record Rejection(RejectionCode Code, string Message);
