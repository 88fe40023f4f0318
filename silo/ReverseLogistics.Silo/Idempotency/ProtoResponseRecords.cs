using Google.Protobuf;
using ReverseLogistics.Grains.Idempotency;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Silo.Idempotency;

/// <summary>The record of a protobuf response, for the actors not yet moved to grains.</summary>
public static class ProtoResponseRecords
{
    public static IdempotencyRecord RecordProto(this IdempotencyTicket ticket, IMessage response, DateTime now) =>
        ticket.RecordBytes(response.ToByteArray(), now);
}
