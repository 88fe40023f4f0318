using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Silo.Routing;

namespace ReverseLogistics.Silo.Returns;

/// <summary>Everything decided before a return exists: the request, the policy it falls under, the verdict and where it goes.</summary>
public sealed record ReturnDraft(
    ReturnRequest Request,
    string CustomerName,
    bool CustomerFlagged,
    ReturnPolicy Policy,
    EligibilityResult Eligibility,
    string TenantName,
    Destination Destination);
