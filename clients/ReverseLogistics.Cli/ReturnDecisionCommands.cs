using System.CommandLine;
using Grpc.Core;
using ReverseLogistics.Cli.Input;
using ReverseLogistics.V1;

namespace ReverseLogistics.Cli;

/// <summary>rlctl returns approve|reject|cancel|confirm-refund|resolve-exception: the merchant's decisions on one return.</summary>
public static class ReturnDecisionCommands
{
    public static Command Approve()
    {
        var note = new Option<string>("--note") { Description = "Why, on the timeline", DefaultValueFactory = _ => "" };
        return Decision("approve", "Approve a return in manual review; its label is issued at once", note, (client, id, requestId, text, options) =>
            client.ApproveReturnAsync(new ApproveReturnRequest { ReturnId = id, RequestId = requestId, Note = text }, options));
    }

    public static Command Reject()
    {
        var reason = new Option<string>("--reason") { Description = "Shown to the customer", Required = true };
        return Decision("reject", "Reject a return in manual review", reason, (client, id, requestId, text, options) =>
            client.RejectReturnAsync(new RejectReturnRequest { ReturnId = id, RequestId = requestId, Reason = text }, options));
    }

    public static Command Cancel()
    {
        var reason = new Option<string>("--reason") { Description = "Why, on the timeline", DefaultValueFactory = _ => "" };
        return Decision("cancel", "Cancel a return (until its parcel is on the way)", reason, (client, id, requestId, text, options) =>
            client.CancelReturnAsync(new CancelReturnRequest { ReturnId = id, RequestId = requestId, Reason = text }, options));
    }

    public static Command ConfirmRefund()
    {
        var reference = new Option<string>("--payment-reference") { Description = "The payment provider's reference for the settled refund", Required = true };
        return Decision("confirm-refund", "Report the refund settled with the customer's payment provider", reference, (client, id, requestId, text, options) =>
            client.ConfirmRefundAsync(new ConfirmRefundRequest { ReturnId = id, RequestId = requestId, PaymentReference = text }, options));
    }

    public static Command ResolveException()
    {
        var returnId = new Argument<string>("return-id");
        var resolution = Choices.Option<ExceptionResolution>("--resolution", "How to get the return out of exception", required: true);
        var amount = new Option<long?>("--amount") { Description = "With refund: the amount to refund instead, in minor units" };
        var currency = new Option<string?>("--currency") { Description = "The amount's currency (the return's)" };
        var note = new Option<string>("--note") { Description = "Why, on the timeline (required except for resume)", DefaultValueFactory = _ => "" };
        var requestId = RlctlCommand.RequestId();
        var command = new Command("resolve-exception", "Get a return out of exception: resume it, refund it, issue store credit, or close it")
        {
            returnId, resolution, amount, currency, note, requestId,
        };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            var request = new ResolveExceptionRequest
            {
                RequestId = result.GetValue(requestId)!, ReturnId = result.GetValue(returnId)!, Resolution = result.GetValue(resolution), Note = result.GetValue(note)!,
            };
            if (result.GetValue(amount) is { } minorUnits)
                request.Amount = new Money
                {
                    MinorUnits = minorUnits,
                    CurrencyCode = result.GetValue(currency) ?? throw new CliUsageException("--amount needs --currency (the return's currency)."),
                };
            Print(connection, await connection.Client.Returns.ResolveExceptionAsync(request, connection.Call(cancellationToken)));
        })(command);
        return command;
    }

    /// <summary>A command RETURN-ID with one text option, calling <paramref name="call"/>(client, return id, request id, text, options).</summary>
    private static Command Decision(string verb, string description, Option<string> text,
        Func<ReturnsService.ReturnsServiceClient, string, string, string, CallOptions, AsyncUnaryCall<Return>> call)
    {
        var returnId = new Argument<string>("return-id");
        var requestId = RlctlCommand.RequestId();
        var command = new Command(verb, description) { returnId, text, requestId };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
            Print(connection, await call(connection.Client.Returns, result.GetValue(returnId)!, result.GetValue(requestId)!, result.GetValue(text)!,
                connection.Call(cancellationToken))))(command);
        return command;
    }

    private static void Print(Connection connection, Return changed)
    {
        connection.Output.Message(changed);
        connection.Output.Line($"Return {changed.ReturnId}: {Choices.Kebab(changed.Status.ToString())}");
    }
}
