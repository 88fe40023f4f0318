using ReverseLogistics.Labels;

namespace ReverseLogistics.UnitTests.Labels;

internal static class LabelSamples
{
    public const string Tracking = "1Z999AA10123456784";
    public const string QrPayload = "RMA:RMA-7F3K2Q;FC:FC-BER-1";

    public static LabelRequest CarrierPickup() => new()
    {
        RmaId = "RMA-7F3K2Q",
        TenantDisplayName = "Nordlicht Outdoor GmbH",
        Method = ReturnMethod.CarrierPickup,
        TrackingNumber = Tracking,
        CarrierName = "DHL",
        Service = "Retoure Online",
        From = new LabelAddress
        {
            Name = "Jörg Müller",
            StreetLines = ["Hauptstraße 12", "3. OG links"],
            City = "München",
            PostalCode = "80331",
            Country = "DE",
        },
        To = new LabelAddress
        {
            Name = "Returns Centre Berlin",
            StreetLines = ["Am Lagerhof 4", "Tor 7"],
            City = "Berlin",
            PostalCode = "12529",
            Country = "DE",
        },
        DestinationCentreId = "FC-BER-1",
        WeightGrams = 1250,
        CreatedAt = new DateTimeOffset(2026, 11, 22, 9, 30, 0, TimeSpan.Zero),
    };

    public static LabelRequest DropOff() => CarrierPickup() with
    {
        Method = ReturnMethod.DropOffPoint,
        TrackingNumber = null,
        CarrierName = null,
        Service = null,
    };
}
