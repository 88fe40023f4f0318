using Google.Protobuf;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Tenants;
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
    public void A_result_recorded_as_protobuf_by_an_earlier_version_is_refused_with_a_precondition_not_a_crash()
    {
        var earlier = new V1.Tenant { TenantId = "acme", DisplayName = "Acme Outdoor" }.ToByteArray();

        var refused = Assert.Throws<PreconditionFailedException>(() => IdempotencyTicket.ReadResult<TenantSnapshot>(earlier));

        Assert.Contains("earlier version", refused.Message);
    }
}
