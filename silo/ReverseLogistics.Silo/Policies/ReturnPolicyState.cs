using ReverseLogistics.Domain.Policies;

namespace ReverseLogistics.Silo.Policies;

/// <summary>The persisted state of a merchant's policy actor; no policy means the platform default applies.</summary>
public sealed class ReturnPolicyState
{
    public ReturnPolicy? Policy { get; set; }
    public DateTime? UpdatedAt { get; set; }
}
