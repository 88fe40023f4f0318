namespace ReverseLogistics.Labels;

/// <summary>Everything printed on a return label; filled by the returns service.</summary>
public sealed record LabelRequest
{
    public required string RmaId { get; init; }
    public required string TenantDisplayName { get; init; }
    public required ReturnMethod Method { get; init; }
    /// <summary>Required for <see cref="ReturnMethod.CarrierPickup"/>; null for drop-off and in-store.</summary>
    public string? TrackingNumber { get; init; }
    public string? CarrierName { get; init; }
    public string? Service { get; init; }
    /// <summary>The customer sending the return.</summary>
    public required LabelAddress From { get; init; }
    /// <summary>The destination fulfilment centre.</summary>
    public required LabelAddress To { get; init; }
    public required string DestinationCentreId { get; init; }
    public int? WeightGrams { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}
