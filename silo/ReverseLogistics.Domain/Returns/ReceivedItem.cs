namespace ReverseLogistics.Domain.Returns;

/// <summary>Units of one approved line scanned in at a fulfilment centre.</summary>
public sealed record ReceivedItem(int LineIndex, int Quantity);
