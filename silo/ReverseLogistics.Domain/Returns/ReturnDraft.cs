using ReverseLogistics.Domain.Policies;

namespace ReverseLogistics.Domain.Returns;

/// <summary>Everything decided before a return exists: the request, the policy it falls under and the verdict (where it goes is decided at approval).</summary>
public sealed record ReturnDraft(
    ReturnRequest Request,
    string CustomerName,
    bool CustomerFlagged,
    ReturnPolicy Policy,
    EligibilityResult Eligibility,
    string TenantName);
