using System.CommandLine;
using System.Globalization;
using Google.Protobuf;
using Grpc.Core;
using ReverseLogistics.V1;

namespace ReverseLogistics.Cli;

/// <summary>rlctl events: a merchant's event feed (docs/events.md), listed by position or followed as it happens.</summary>
public static class EventCommands
{
    private static readonly JsonFormatter Compact = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false));

    public static Command Create() => new("events", "A merchant's event feed: what happened to its returns, in order (use the merchant's key)")
    {
        ListCommand(), WatchCommand(),
    };

    private static Command ListCommand()
    {
        var after = AfterOption();
        var types = TypesOption();
        var limit = new Option<int>("--limit") { Description = "Events in the page (at most 1000)", DefaultValueFactory = _ => 100 };
        var command = new Command("list", "A page of events after a position; the last line says where the next page starts") { after, types, limit };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            var request = new ListEventsRequest { AfterPosition = result.GetValue(after), PageSize = result.GetValue(limit) };
            request.EventTypes.AddRange(result.GetValue(types) ?? []);
            var page = await connection.Client.Events.ListEventsAsync(request, connection.Call(cancellationToken));
            connection.Output.List(page, page.Events, Columns);
            connection.Output.Line(page.AtEnd
                ? $"End of the feed; new events will come after position {page.NextAfterPosition} (rlctl events watch --after {page.NextAfterPosition})."
                : $"More: rlctl events list --after {page.NextAfterPosition}");
        })(command);
        return command;
    }

    private static Command WatchCommand()
    {
        var after = AfterOption();
        var fromNow = new Option<bool>("--from-now") { Description = "Only events committed from now on (not with --after)" };
        var types = TypesOption();
        var command = new Command("watch",
            "Prints events as they are committed, one line each (with --json, one JSON object per line) until Ctrl+C; " +
            "reconnects by itself after a lost connection, resuming after the last position seen")
        {
            after, fromNow, types,
        };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            if (result.GetValue(fromNow) && result.GetValue(after) > 0) throw new CliUsageException("--from-now and --after exclude each other.");
            var request = new WatchEventsRequest { AfterPosition = result.GetValue(after), FromNow = result.GetValue(fromNow) };
            request.EventTypes.AddRange(result.GetValue(types) ?? []);
            var error = result.InvocationConfiguration.Error;
            var position = request.AfterPosition;
            try
            {
                while (true)
                {
                    try
                    {
                        // A watch runs until it is stopped: no deadline.
                        using var watch = connection.Client.Events.WatchEvents(request,
                            connection.Call(cancellationToken).WithDeadline(DateTime.MaxValue));
                        await foreach (var message in watch.ResponseStream.ReadAllAsync(cancellationToken))
                        {
                            position = message.MessageCase == WatchEventsResponse.MessageOneofCase.Event ? message.Event.Position : message.Heartbeat.Position;
                            if (message.MessageCase == WatchEventsResponse.MessageOneofCase.Event) Print(connection.Output, message.Event);
                        }
                        return;
                    }
                    catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
                    {
                        await error.WriteLineAsync($"Connection lost ({e.Status.Detail}); resuming after position {position}.");
                        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                        request.FromNow = false;
                        request.AfterPosition = position;
                    }
                }
            }
            catch (Exception e) when (cancellationToken.IsCancellationRequested && e is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
            {
                await error.WriteLineAsync($"Stopped after position {position}; resume with: rlctl events watch --after {position}");
            }
        })(command);
        return command;
    }

    private static void Print(Output output, Event e)
    {
        if (output.IsJson) output.Raw(Compact.Format(e));
        else output.Raw(string.Join("  ", Columns.Select(column => column.Value(e))));
    }

    private static readonly (string Header, Func<Event, string> Value)[] Columns =
    [
        ("position", e => e.Position.ToString(CultureInfo.InvariantCulture)),
        ("time (UTC)", e => e.OccurTime?.ToDateTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? ""),
        ("type", e => e.Type),
        ("return", e => e.ReturnId),
        ("status", e => e.FromStatus == ReturnStatus.Unspecified ? e.ToStatus.ToString() : $"{e.FromStatus} -> {e.ToStatus}"),
        ("by", e => e.Actor),
        ("details", e => e.RefundTotal is { } total ? $"refund {total.MinorUnits} {total.CurrencyCode} (minor units) {e.Details}".TrimEnd() : e.Details),
    ];

    private static Option<long> AfterOption() => new("--after")
    {
        Description = "Start after this position (0: the first event); a list's last line or a stopped watch says where to resume",
    };

    /// <summary>The event types a command keeps (every type when absent); webhooks' filter too.</summary>
    internal static Option<string[]> TypesOption() => new("--type")
    {
        Description = "Only this event type, e.g. return.approved (repeat for several; every type when absent; docs/events.md lists them)",
        AllowMultipleArgumentsPerToken = false,
    };
}
