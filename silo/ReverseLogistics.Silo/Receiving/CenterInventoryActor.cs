using ReverseLogistics.Grains;
using System.Text.Json;
using ReverseLogistics.Actors;
using ReverseLogistics.Domain.Receiving;
using ReverseLogistics.Storage;
using Proto = ReverseLogistics.V1;

namespace ReverseLogistics.Silo.Receiving;

/// <summary>
/// A fulfilment centre's returned units and arrivals (key: the platform tenant + centre id). It is
/// brought up to date from each handheld answer about a return; recording a return line or an arrival
/// again changes nothing, so retries keep it consistent with the returns.
/// </summary>
public sealed class CenterInventoryActor : Actor<InventoryLedger>, IActor
{
    public const int ArrivalDays = 14;

    public static string TypeName => "centre-inventory";

    public async Task SyncAsync(Proto.Parcel parcel)
    {
        var events = new List<NewEvent>();
        var now = Time.GetUtcNow().UtcDateTime;
        if (parcel.ArriveTime is { } arrived && State.RecordArrival(parcel.TenantId, parcel.ReturnId, arrived.ToDateTime()))
            events.Add(Event("ParcelArrived", new { parcel.TenantId, parcel.ReturnId }, now));
        foreach (var unit in ParcelMapper.InventoryUnits(parcel).Where(State.Record))
            events.Add(Event("UnitsRecorded", unit, now));
        if (events.Count > 0) await CommitAsync(events);
    }

    public Proto.ListInventoryResponse List(string? tenantId, string? sku, Disposition? disposition, string? afterKey, int pageSize)
    {
        var rows = State.Summarize(tenantId, sku, disposition, afterKey, pageSize + 1);
        var response = new Proto.ListInventoryResponse { FulfillmentCenterId = Key.Id };
        response.Items.AddRange(rows.Take(pageSize).Select(r => new Proto.InventoryItem
        {
            TenantId = r.TenantId,
            Sku = r.Sku,
            ResaleSku = r.ResaleSku ?? "",
            Grade = (Proto.InspectionGrade)(int)r.Grade,
            Disposition = (Proto.Disposition)(int)r.Disposition,
            Quantity = r.Quantity,
        }));
        if (rows.Count > pageSize) response.NextPageToken = Paging.PageTokens.Encode(rows[pageSize - 1].SortKey);
        response.Arrivals.AddRange(State.ArrivalsPerDay(Time.GetUtcNow().UtcDateTime, ArrivalDays)
            .Select(a => new Proto.DailyArrivals { Date = a.Day, Parcels = a.Parcels }));
        return response;
    }

    private static NewEvent Event(string type, object data, DateTime now) =>
        new(type, JsonSerializer.Serialize(data, DomainJson.Options), "system:inventory", now);
}
