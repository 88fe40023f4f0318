using Orleans;
using ReverseLogistics.Domain.Receiving;

namespace ReverseLogistics.Grains.Receiving;

/// <summary>Inventory rows of a centre, and its arrivals per day ("yyyy-MM-dd") over the last days.</summary>
[GenerateSerializer]
public sealed record InventoryPage(
    [property: Id(0)] IReadOnlyList<InventoryRow> Rows,
    [property: Id(1)] IReadOnlyList<DailyArrivals> Arrivals);

[GenerateSerializer]
public sealed record DailyArrivals([property: Id(0)] string Day, [property: Id(1)] int Parcels);
