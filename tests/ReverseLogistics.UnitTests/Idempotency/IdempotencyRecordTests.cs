using System.Text;
using System.Text.Json;
using Google.Protobuf;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grains;
using ReverseLogistics.Grains.Idempotency;
using ReverseLogistics.Grains.Tenants;

namespace ReverseLogistics.UnitTests.Idempotency;

public sealed class IdempotencyRecordTests
{
    private static readonly IdempotencyTicket Ticket = new("acme", "req-1", "/reverselogistics.v1.TenantAdminService/UpdateTenant", "f1");

    [Fact]
    public void A_recorded_result_reads_back_as_it_was()
    {
        var snapshot = new TenantSnapshot("acme", 3, true, new TenantState { DisplayName = "Acme Outdoor" });

        var read = IdempotencyTicket.ReadResult<TenantSnapshot>(Ticket.Record(snapshot, DateTime.UtcNow).Response);

        Assert.Equal(("acme", 3L, true, "Acme Outdoor"), (read.TenantId, read.Version, read.Exists, read.State.DisplayName));
    }

    [Fact]
    public void A_recorded_result_is_compressed_to_well_under_its_json()
    {
        var snapshot = new TenantSnapshot("acme", 3, true, new TenantState { DisplayName = string.Concat(Enumerable.Repeat("Acme Outdoor ", 40)) });
        var json = JsonSerializer.SerializeToUtf8Bytes(snapshot, DomainJson.Options);

        var response = Ticket.Record(snapshot, DateTime.UtcNow).Response;

        Assert.Equal([0x1f, 0x8b], response[..2]);
        Assert.True(response.Length < json.Length / 2, $"{response.Length} bytes recorded for {json.Length} bytes of JSON");
    }

    [Fact]
    public void A_result_recorded_as_plain_json_before_compression_still_reads_back()
    {
        var plain = Encoding.UTF8.GetBytes("""{"tenantId":"acme","version":3,"exists":true,"state":{"displayName":"Acme Outdoor"}}""");

        var read = IdempotencyTicket.ReadResult<TenantSnapshot>(plain);

        Assert.Equal(("acme", 3L, "Acme Outdoor"), (read.TenantId, read.Version, read.State.DisplayName));
    }

    [Fact]
    public void A_result_recorded_as_protobuf_by_an_earlier_version_is_refused_with_a_precondition_not_a_crash()
    {
        var earlier = new V1.Tenant { TenantId = "acme", DisplayName = "Acme Outdoor" }.ToByteArray();

        var refused = Assert.Throws<PreconditionFailedException>(() => IdempotencyTicket.ReadResult<TenantSnapshot>(earlier));

        Assert.Contains("earlier version", refused.Message);
    }
}
