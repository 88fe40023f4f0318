using ReverseLogistics.Grains.Returns;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Silo.Returns;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Silo.Receiving;

/// <summary>
/// Finds a return from what a warehouse scans or a carrier reports, in whichever tenant it is: handhelds
/// and carriers belong to the 3PL, not to the merchant. Whether the caller may act on it is the return actor's check.
/// </summary>
public sealed class ParcelLookup(IActorStore store)
{
    /// <summary>A tracking number or a return id.</summary>
    public async Task<(string TenantId, string ReturnId)> FindByBarcodeAsync(string barcode, CancellationToken cancellationToken)
    {
        var byId = ReturnIds.IsWellFormed(barcode);
        var keys = await store.FindAcrossTenantsAsync(ReturnGrain.TypeName, byId ? ReturnIndex.Id : ReturnIndex.Tracking, barcode, 2, cancellationToken);
        return keys.Count switch
        {
            0 => throw new NotFoundException($"No return carries the barcode '{barcode}'."),
            1 => (keys[0].TenantId, keys[0].Id),
            _ => throw new PreconditionFailedException($"Several returns carry the tracking number '{barcode}'; scan the RMA barcode instead."),
        };
    }

    public async Task<(string TenantId, string ReturnId)> FindReturnAsync(string returnId, CancellationToken cancellationToken)
    {
        if (!ReturnIds.IsWellFormed(returnId)) throw new NotFoundException($"Return '{returnId}' not found.");
        var keys = await store.FindAcrossTenantsAsync(ReturnGrain.TypeName, ReturnIndex.Id, returnId, 2, cancellationToken);
        return keys.Count == 1 ? (keys[0].TenantId, keys[0].Id) : throw new NotFoundException($"Return '{returnId}' not found.");
    }

    /// <summary>The one return carrying a carrier's tracking number; NOT_FOUND when none or several do.</summary>
    public async Task<(string TenantId, string ReturnId)> FindByTrackingNumberAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        var keys = await store.FindAcrossTenantsAsync(ReturnGrain.TypeName, ReturnIndex.Tracking, trackingNumber, 2, cancellationToken);
        return keys.Count == 1 ? (keys[0].TenantId, keys[0].Id) : throw new NotFoundException($"No return carries the tracking number '{trackingNumber}'.");
    }
}
