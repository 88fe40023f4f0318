using System.CommandLine;
using ReverseLogistics.Cli.Input;
using ReverseLogistics.V1;

namespace ReverseLogistics.Cli;

/// <summary>rlctl pickups tracking report: a carrier's tracking event, as a carrier integration reports it (operator key).</summary>
public static class TrackingCommands
{
    public static Command Create() => new("tracking", "Carrier tracking events") { ReportCommand() };

    private static Command ReportCommand()
    {
        var tracking = new Argument<string>("tracking-number");
        var kind = Choices.Option<TrackingEventKind>("--kind", "What happened", required: true);
        var eventId = new Option<string>("--event-id") { Description = "The carrier's id of the event (a repeat is a duplicate); a new one by default",
            DefaultValueFactory = _ => "rlctl-" + Guid.NewGuid().ToString("N") };
        var carrier = new Option<string>("--carrier") { Description = "The reporting carrier", DefaultValueFactory = _ => "" };
        var at = new Option<string?>("--at") { Description = "When it happened (ISO 8601; default now)" };
        var location = new Option<string>("--location") { DefaultValueFactory = _ => "" };
        var details = new Option<string>("--details") { DefaultValueFactory = _ => "" };
        var requestId = RlctlCommand.RequestId();
        var command = new Command("report", "Report what happened to a parcel, found by tracking number") { tracking, kind, eventId, carrier, at, location, details, requestId };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            var outcome = await connection.Client.Pickups.ReportTrackingEventAsync(new ReportTrackingEventRequest
            {
                RequestId = result.GetValue(requestId)!, TrackingNumber = result.GetValue(tracking)!, Kind = result.GetValue(kind),
                CarrierEventId = result.GetValue(eventId)!, CarrierId = result.GetValue(carrier)!,
                OccurredAt = result.GetValue(at) is { } time ? Times.Parse(time, "--at") : Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow),
                Location = result.GetValue(location)!, Details = result.GetValue(details)!,
            }, connection.Call(cancellationToken));
            connection.Output.Message(outcome);
        })(command);
        return command;
    }
}
