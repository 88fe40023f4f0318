using ReverseLogistics.Grains;
using System.Text.Json;
using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Receiving;
using ReverseLogistics.Domain.Returns;
using static ReverseLogistics.Testing.Samples;

namespace ReverseLogistics.UnitTests.Receiving;

/// <summary>The receiving record is part of the return's persisted state: it must survive a reload unchanged.</summary>
public sealed class ReceivingStateJsonTests
{
    [Fact]
    public void The_receiving_record_round_trips_through_the_actor_json()
    {
        var state = new ReceivingState
        {
            ArrivedAt = Now,
            Inspections = { [1] = new LineInspection(InspectionGrade.C, "scuffed", ["s3://p/1.jpg"], [MismatchFlag.MissingParts], "device:FC-1/HH-1", Now) },
            Dispositions = { [1] = new LineDisposition(Disposition.Restock, "SKU-1#C", 2, "device:FC-1/HH-1", Now) },
            Discrepancies = { new ReceiptDiscrepancy(DiscrepancyKind.UnexpectedItem, null, "SOCK", 1, "blue", "device:FC-1/HH-1", Now) },
        };

        var json = JsonSerializer.Serialize(state, DomainJson.Options);
        var loaded = JsonSerializer.Deserialize<ReceivingState>(json, DomainJson.Options)!;

        Assert.Equal(json, JsonSerializer.Serialize(loaded, DomainJson.Options));
        Assert.Equal(MismatchFlag.MissingParts, Assert.Single(loaded.Inspections[1].Mismatches));
        Assert.Equal(state.Dispositions[1], loaded.Dispositions[1]);
        Assert.Contains("\"MissingParts\"", json);
    }
}
