using ReverseLogistics.Grains.Returns;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Silo.Returns;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Silo.Receiving;

/// <summary>
/// Finds a return from what a warehouse scans or a carrier reports, in whichever tenant it is: handhelds
/// and carriers belong to the 3PL, not to the merchant. Whether the caller may act on it is the return grain's check.
/// </summary>
public sealed class ParcelLookup(IActorStore store)
{
    /// <summary>A tracking number or a return id.</summary>
    public async Task<(string TenantId, string ReturnId)> FindByBarcodeAsync(string barcode, CancellationToken cancellationToken)
    {
        var byId = ReturnIds.IsWellFormed(barcode);
        var keys = await FindAsync(byId ? ReturnIndex.Id : ReturnIndex.Tracking, barcode, cancellationToken);
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
        return await TheOneAsync(ReturnIndex.Id, returnId, $"Return '{returnId}' not found.", cancellationToken);
    }

    /// <summary>The one return carrying a carrier's tracking number; NOT_FOUND when none or several do.</summary>
    public Task<(string TenantId, string ReturnId)> FindByTrackingNumberAsync(string trackingNumber, CancellationToken cancellationToken) =>
        TheOneAsync(ReturnIndex.Tracking, trackingNumber, $"No return carries the tracking number '{trackingNumber}'.", cancellationToken);

    private async Task<(string TenantId, string ReturnId)> TheOneAsync(string index, string value, string notFound, CancellationToken cancellationToken)
    {
        var keys = await FindAsync(index, value, cancellationToken);
        return keys.Count == 1 ? (keys[0].TenantId, keys[0].Id) : throw new NotFoundException(notFound);
    }

    /// <summary>Up to two returns in any tenant with <paramref name="value"/> under <paramref name="index"/>: enough to tell one from several.</summary>
    private Task<IReadOnlyList<ActorKey>> FindAsync(string index, string value, CancellationToken cancellationToken) =>
        store.FindAcrossTenantsAsync(ReturnGrain.TypeName, index, value, 2, cancellationToken);
}
