using Orleans;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Grains;
using ReverseLogistics.Grains.Returns;

namespace ReverseLogistics.Silo.Returns;

/// <summary>The return a request names by its return_id.</summary>
public static class RequestedReturn
{
    /// <summary>The tenant's return grain; the id is required, and a malformed one is as not found as another tenant's.</summary>
    public static IReturnGrain Of(IGrainFactory grains, string tenantId, string returnId)
    {
        new Validator().Require(returnId.Length > 0, "return_id", "required").ThrowIfInvalid();
        if (!ReturnIds.IsWellFormed(returnId)) throw new NotFoundException($"Return '{returnId}' not found.");
        return grains.Return(tenantId, returnId);
    }
}
