namespace ReverseLogistics.Domain.Receiving;

public sealed record ParcelAdvice(NextStep Step, string Detail);
