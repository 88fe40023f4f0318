using ReverseLogistics.Domain.Policies;

namespace ReverseLogistics.Grains.Policies;

/// <summary>The persisted state of a merchant's policy grain; no policy means the platform default applies.</summary>
public sealed class ReturnPolicyState
{
    public ReturnPolicy? Policy { get; set; }
    public DateTime? UpdatedAt { get; set; }
}
