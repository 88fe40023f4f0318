using System.CommandLine;
using Grpc.Core;
using ReverseLogistics.Cli.Input;
using ReverseLogistics.V1;

namespace ReverseLogistics.Cli;

/// <summary>rlctl pickups book|reschedule|cancel|list: a merchant's customer pickups for carrier-pickup returns (the merchant's key).</summary>
public static class MerchantPickupCommands
{
    public static IEnumerable<Command> Create() =>
    [
        WindowCommand("book", "Book a carrier pickup for a return whose label is issued (earliest window with room that day)",
            (client, id, requestId, date, starts, options) =>
                client.SchedulePickupAsync(new SchedulePickupRequest { ReturnId = id, RequestId = requestId, Date = date, WindowStarts = starts }, options)),
        WindowCommand("reschedule", "Move a booked pickup to another date or window, until its cut-off",
            (client, id, requestId, date, starts, options) =>
                client.ReschedulePickupAsync(new ReschedulePickupRequest { ReturnId = id, RequestId = requestId, Date = date, WindowStarts = starts }, options)),
        CancelCommand(), ListCommand(),
    ];

    private static Command WindowCommand(string verb, string description,
        Func<PickupService.PickupServiceClient, string, string, string, string, CallOptions, AsyncUnaryCall<Pickup>> call)
    {
        var returnId = new Argument<string>("return-id");
        var date = new Option<string>("--date") { Description = "Local date YYYY-MM-DD (the centre's time zone)", Required = true };
        var starts = new Option<string>("--window-starts") { Description = "Local HH:MM start of the wanted window (default: the earliest with room)", DefaultValueFactory = _ => "" };
        var requestId = RlctlCommand.RequestId();
        var command = new Command(verb, description) { returnId, date, starts, requestId };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
            Print(connection, await call(connection.Client.Pickups, result.GetValue(returnId)!, result.GetValue(requestId)!, result.GetValue(date)!,
                result.GetValue(starts)!, connection.Call(cancellationToken))))(command);
        return command;
    }

    private static Command CancelCommand()
    {
        var returnId = new Argument<string>("return-id");
        var requestId = RlctlCommand.RequestId();
        var command = new Command("cancel", "Release a booked pickup, until its cut-off; the return goes back to label issued") { returnId, requestId };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
            Print(connection, await connection.Client.Pickups.CancelPickupAsync(
                new CancelPickupRequest { ReturnId = result.GetValue(returnId)!, RequestId = result.GetValue(requestId)! }, connection.Call(cancellationToken))))(command);
        return command;
    }

    private static Command ListCommand()
    {
        var command = new Command("list", "The merchant's booked pickups, newest return first");
        RlctlCommand.Runs(async (connection, _, cancellationToken) =>
        {
            var all = new ListPickupsResponse();
            do
            {
                var page = await connection.Client.Pickups.ListPickupsAsync(new ListPickupsRequest { PageToken = all.NextPageToken }, connection.Call(cancellationToken));
                all.Pickups.AddRange(page.Pickups);
                all.NextPageToken = page.NextPageToken;
            } while (all.NextPageToken.Length > 0);
            connection.Output.List(all, all.Pickups,
                ("return", p => p.ReturnId), ("status", p => Choices.Kebab(p.Status.ToString())), ("carrier", p => p.CarrierId),
                ("window", p => p.Window is { } w ? $"{w.Date} {w.Starts}-{w.Ends} {w.TimeZone}" : ""),
                ("cut-off", p => Times.Format(p.CutoffTime)), ("tracking", p => p.TrackingNumber));
        })(command);
        return command;
    }

    private static void Print(Connection connection, Pickup pickup)
    {
        connection.Output.Message(pickup);
        if (pickup.Window is { } w) connection.Output.Line($"Pickup for {pickup.ReturnId}: {w.Date} {w.Starts}-{w.Ends} {w.TimeZone} with {pickup.CarrierId}");
    }
}
