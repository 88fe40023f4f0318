using ReverseLogistics.Domain.Returns;

namespace ReverseLogistics.Silo.Routing;

/// <summary>
/// Chooses the fulfilment centre a return goes to. The seam routing fills in: until then
/// every return goes to the configured default centre.
/// </summary>
public interface IReturnRouter
{
    Destination Route(string tenantId, ReturnRequest request);
}
