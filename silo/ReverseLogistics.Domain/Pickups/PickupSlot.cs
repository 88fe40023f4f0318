using System.Globalization;

namespace ReverseLogistics.Domain.Pickups;

/// <summary>
/// One occurrence of a carrier's weekly pickup window: its local date and times in <see cref="TimeZone"/>,
/// the same instants in UTC, and the cut-off after which its pickups are frozen and its manifest is built.
/// </summary>
public sealed record PickupSlot(
    string CarrierId,
    DateOnly Date,
    TimeOnly Starts,
    TimeOnly Ends,
    string TimeZone,
    DateTime StartUtc,
    DateTime EndUtc,
    DateTime CutoffUtc,
    int Capacity)
{
    /// <summary>The carrier window's identity across time zones: carrier and UTC start ("DHL-EU@20261123T0800Z"). Also its manifest's id.</summary>
    public string WindowId => WindowIdOf(CarrierId, StartUtc);

    public static string WindowIdOf(string carrierId, DateTime startUtc) =>
        $"{carrierId}@{startUtc.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture)}";
}
