using ReverseLogistics.Grains.Returns;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Silo.Returns;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Silo.Receiving;

/// <summary>
/// Finds a return from what a warehouse scans, in whichever tenant it is: a handheld belongs to the
/// 3PL, not to the merchant. Whether the handheld may act on it is the return actor's check.
/// </summary>
public sealed class ParcelLookup(IActorStore store)
{
    /// <summary>A tracking number or a return id.</summary>
    public async Task<ActorKey> FindByBarcodeAsync(string barcode, CancellationToken cancellationToken)
    {
        var byId = ReturnIds.IsWellFormed(barcode);
        var keys = await store.FindAcrossTenantsAsync(ReturnGrain.TypeName, byId ? ReturnIndex.Id : ReturnIndex.Tracking, barcode, 2, cancellationToken);
        return keys.Count switch
        {
            0 => throw new NotFoundException($"No return carries the barcode '{barcode}'."),
            1 => keys[0],
            _ => throw new PreconditionFailedException($"Several returns carry the tracking number '{barcode}'; scan the RMA barcode instead."),
        };
    }

    public async Task<ActorKey> FindReturnAsync(string returnId, CancellationToken cancellationToken)
    {
        if (!ReturnIds.IsWellFormed(returnId)) throw new NotFoundException($"Return '{returnId}' not found.");
        var keys = await store.FindAcrossTenantsAsync(ReturnGrain.TypeName, ReturnIndex.Id, returnId, 2, cancellationToken);
        return keys.Count == 1 ? keys[0] : throw new NotFoundException($"Return '{returnId}' not found.");
    }
}
