using System.CommandLine;
using System.Globalization;
using ReverseLogistics.Cli.Input;
using ReverseLogistics.V1;

namespace ReverseLogistics.Cli;

/// <summary>rlctl returns: a merchant's returns, from creation to refund, and their timelines (the merchant's key).</summary>
public static class ReturnCommands
{
    public static Command Create() => new("returns", "A merchant's returns (use the merchant's key)")
    {
        ReturnCreateCommand.Create(), ListCommand(), GetCommand(), EventsCommand(),
        ReturnDecisionCommands.Approve(), ReturnDecisionCommands.Reject(), ReturnDecisionCommands.Cancel(),
        ReturnLabelCommand.Create(), ReturnDecisionCommands.ConfirmRefund(), ReturnDecisionCommands.ResolveException(),
        ReturnImportCommand.Create(),
    };

    private static Command ListCommand()
    {
        var status = Choices.Option<ReturnStatus>("--status", "Only returns in this status");
        var after = new Option<string?>("--created-after") { Description = "Only returns created at or after this date (YYYY-MM-DD) or time" };
        var before = new Option<string?>("--created-before") { Description = "Only returns created before this date (YYYY-MM-DD) or time" };
        var order = new Option<string>("--order") { Description = "Only returns with a line of this order", DefaultValueFactory = _ => "" };
        var customer = new Option<string>("--customer") { Description = "Only this customer's returns", DefaultValueFactory = _ => "" };
        var pageSize = new Option<int>("--page-size") { Description = "Returns in the page (at most 500; 50 by default)" };
        var pageToken = new Option<string>("--page-token") { Description = "Where the next page starts, as the last line of the previous one says", DefaultValueFactory = _ => "" };
        var command = new Command("list", "A page of returns, newest first; the last line says how to get the next page")
        {
            status, after, before, order, customer, pageSize, pageToken,
        };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            var request = new ListReturnsRequest
            {
                Status = result.GetValue(status), OrderReference = result.GetValue(order)!, CustomerReference = result.GetValue(customer)!,
                PageSize = result.GetValue(pageSize), PageToken = result.GetValue(pageToken)!,
            };
            if (result.GetValue(after) is { } from) request.CreatedAfter = Times.Parse(from, "--created-after");
            if (result.GetValue(before) is { } to) request.CreatedBefore = Times.Parse(to, "--created-before");
            var page = await connection.Client.Returns.ListReturnsAsync(request, connection.Call(cancellationToken));
            connection.Output.List(page, page.Returns,
                ("return", r => r.ReturnId), ("status", r => Choices.Kebab(r.Status.ToString())), ("customer", r => r.CustomerReference),
                ("orders", r => string.Join(", ", r.Lines.Select(l => l.Input.OrderReference).Distinct())),
                ("units", r => r.Lines.Sum(l => l.Input.Quantity).ToString(CultureInfo.InvariantCulture)),
                ("refund", r => r.Refund?.Total is { } total ? $"{total.MinorUnits.ToString(CultureInfo.InvariantCulture)} {total.CurrencyCode}" : ""),
                ("created", r => Times.Format(r.CreateTime)));
            if (page.NextPageToken.Length > 0)
            {
                // The same filters again (never the flags that carry settings, such as --key).
                var again = new List<string> { "rlctl returns list" };
                if (request.Status != ReturnStatus.Unspecified) again.Add($"--status {Choices.Kebab(request.Status.ToString())}");
                if (result.GetValue(after) is { } from2) again.Add($"--created-after {Quote(from2)}");
                if (result.GetValue(before) is { } to2) again.Add($"--created-before {Quote(to2)}");
                if (request.OrderReference.Length > 0) again.Add($"--order {Quote(request.OrderReference)}");
                if (request.CustomerReference.Length > 0) again.Add($"--customer {Quote(request.CustomerReference)}");
                if (request.PageSize > 0) again.Add($"--page-size {request.PageSize}");
                connection.Output.Line($"More: {string.Join(' ', again)} --page-token {page.NextPageToken}");
            }
        })(command);
        return command;
    }

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

    private static string Quote(string token) => token.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'') ? $"'{token.Replace("'", "'\\''", StringComparison.Ordinal)}'" : token;
}
