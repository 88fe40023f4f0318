namespace ReverseLogistics.Domain.Policies;

/// <summary>
/// A merchant-defined return reason, optionally under a parent ("damaged" &gt; "damaged.in_transit").
/// A reason inherits its ancestors' flags: a child of a reason that needs photos needs photos too.
/// </summary>
public sealed record ReasonRule
{
    public string Code { get; init; } = "";
    public string? ParentCode { get; init; }
    public string Label { get; init; } = "";
    public bool RequiresPhoto { get; init; }

    /// <summary>Defective or wrong item: the merchant's fault, so no restocking or return shipping fee.</summary>
    public bool WaivesFees { get; init; }
}
