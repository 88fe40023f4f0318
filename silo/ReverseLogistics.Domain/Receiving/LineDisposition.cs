namespace ReverseLogistics.Domain.Receiving;

/// <summary>What became of one line's received units; <see cref="ResaleSku"/> only for restocked ones.</summary>
public sealed record LineDisposition(Disposition Disposition, string? ResaleSku, int Quantity, string Actor, DateTime At);
