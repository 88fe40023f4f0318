using System.CommandLine;
using System.Globalization;
using Grpc.Core;
using ReverseLogistics.V1;

namespace ReverseLogistics.Cli;

/// <summary>rlctl returns: one merchant's return and its timeline, for debugging with that merchant's key.</summary>
public static class ReturnCommands
{
    public static Command Create() => new("returns", "A merchant's returns (use the merchant's key)") { GetCommand(), EventsCommand() };

    private static Command GetCommand()
    {
        var returnId = new Argument<string>("return-id");
        var command = new Command("get", "A return: status, lines, routing decision and refund") { returnId };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            var read = await connection.Client.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = result.GetValue(returnId)! }, connection.Call(cancellationToken));
            connection.Output.Message(read);
            if (read.Routing is { } routing) connection.Output.Line($"Routing: {routing.Explanation}");
        })(command);
        return command;
    }

    private static Command EventsCommand()
    {
        var returnId = new Argument<string>("return-id");
        var command = new Command("events", "A return's timeline: every step, who took it and why") { returnId };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            var events = await connection.Client.Returns.ListReturnEventsAsync(new ListReturnEventsRequest { ReturnId = result.GetValue(returnId)! }, connection.Call(cancellationToken));
            connection.Output.List(events, events.Events,
                ("#", e => e.Sequence.ToString(CultureInfo.InvariantCulture)),
                ("time (UTC)", e => e.Time?.ToDateTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? ""),
                ("event", e => e.Type),
                ("status", e => e.FromStatus == e.ToStatus ? Status(e.ToStatus) : $"{Status(e.FromStatus)} -> {Status(e.ToStatus)}"),
                ("by", e => e.Actor),
                ("details", e => e.Details));
        })(command);
        return command;
    }

    private static string Status(ReturnStatus status) => status.ToString();
}
