using System.CommandLine;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ReverseLogistics.V1;

namespace ReverseLogistics.Cli;

/// <summary>rlctl webhooks: a merchant's endpoints that receive its events, signed (docs/webhooks.md), and their deliveries.</summary>
public static class WebhookCommands
{
    public static Command Create() => new("webhooks", "A merchant's webhook endpoints and their deliveries (use the merchant's key)")
    {
        CreateCommand(), ListCommand(), UpdateCommand(), DeleteCommand(), RotateSecretCommand(), DeliveriesCommand(), RedeliverCommand(),
    };

    private static Command CreateCommand()
    {
        var url = new Argument<string>("url") { Description = "Where the events are POSTed: http:// or https://" };
        var types = EventCommands.TypesOption();
        var description = new Option<string>("--description") { DefaultValueFactory = _ => "" };
        var requestId = RlctlCommand.RequestId();
        var command = new Command("create", "Add an endpoint; its signing secret is printed once") { url, types, description, requestId };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            var request = new CreateWebhookEndpointRequest
            {
                RequestId = result.GetValue(requestId)!, Url = result.GetValue(url)!, Description = result.GetValue(description)!,
            };
            request.EventTypes.AddRange(result.GetValue(types) ?? []);
            var response = await connection.Client.Webhooks.CreateWebhookEndpointAsync(request, connection.Call(cancellationToken));
            connection.Output.Secret(response, response.Endpoint, response.Secret);
        })(command);
        return command;
    }

    private static Command ListCommand()
    {
        var pageToken = new Option<string>("--page-token") { DefaultValueFactory = _ => "" };
        var command = new Command("list", "The tenant's endpoints (never their secrets)") { pageToken };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            var page = await connection.Client.Webhooks.ListWebhookEndpointsAsync(
                new ListWebhookEndpointsRequest { PageToken = result.GetValue(pageToken)! }, connection.Call(cancellationToken));
            connection.Output.List(page, page.Endpoints,
                ("endpoint", e => e.EndpointId), ("url", e => e.Url),
                ("types", e => e.EventTypes.Count == 0 ? "all" : string.Join(" ", e.EventTypes)),
                ("enabled", e => e.Enabled ? "yes" : $"no: {e.DisabledReason}"),
                ("dead letters in a row", e => e.ConsecutiveDeadLetters.ToString(CultureInfo.InvariantCulture)));
            if (page.NextPageToken.Length > 0) connection.Output.Line($"More: rlctl webhooks list --page-token {page.NextPageToken}");
        })(command);
        return command;
    }

    private static Command UpdateCommand()
    {
        var endpointId = new Argument<string>("endpoint-id");
        var url = new Option<string?>("--url") { Description = "A new URL" };
        var types = EventCommands.TypesOption();
        var allTypes = new Option<bool>("--all-types") { Description = "Every event type (clears --type)" };
        var description = new Option<string?>("--description");
        var enable = new Option<bool>("--enable") { Description = "Enable it (also after it was disabled for failing)" };
        var disable = new Option<bool>("--disable") { Description = "Stop deliveries until enabled again" };
        var requestId = RlctlCommand.RequestId();
        var command = new Command("update", "Change an endpoint: only what the flags name changes") { endpointId, url, types, allTypes, description, enable, disable, requestId };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            if (result.GetValue(enable) && result.GetValue(disable)) throw new CliUsageException("--enable and --disable exclude each other.");
            if (result.GetValue(allTypes) && result.GetValue(types) is { Length: > 0 }) throw new CliUsageException("--all-types and --type exclude each other.");
            var id = result.GetValue(endpointId)!;
            var current = await FindAsync(connection, id, cancellationToken);
            var request = new UpdateWebhookEndpointRequest
            {
                RequestId = result.GetValue(requestId)!,
                EndpointId = id,
                Url = result.GetValue(url) ?? current.Url,
                Description = result.GetValue(description) ?? current.Description,
                Enabled = result.GetValue(enable) || (!result.GetValue(disable) && current.Enabled),
            };
            request.EventTypes.AddRange(result.GetValue(allTypes) ? [] : result.GetValue(types) is { Length: > 0 } chosen ? chosen : current.EventTypes);
            connection.Output.Message(await connection.Client.Webhooks.UpdateWebhookEndpointAsync(request, connection.Call(cancellationToken)));
        })(command);
        return command;
    }

    private static Command DeleteCommand()
    {
        var endpointId = new Argument<string>("endpoint-id");
        var requestId = RlctlCommand.RequestId();
        var command = new Command("delete", "Remove an endpoint; what it had not delivered is dropped") { endpointId, requestId };
        RlctlCommand.Runs(async (connection, result, cancellationToken) => connection.Output.Message(
            await connection.Client.Webhooks.DeleteWebhookEndpointAsync(
                new DeleteWebhookEndpointRequest { RequestId = result.GetValue(requestId)!, EndpointId = result.GetValue(endpointId)! },
                connection.Call(cancellationToken))))(command);
        return command;
    }

    private static Command RotateSecretCommand()
    {
        var endpointId = new Argument<string>("endpoint-id");
        var requestId = RlctlCommand.RequestId();
        var command = new Command("rotate-secret", "A new signing secret, printed once; deliveries use it from now on") { endpointId, requestId };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            var response = await connection.Client.Webhooks.RotateWebhookSecretAsync(
                new RotateWebhookSecretRequest { RequestId = result.GetValue(requestId)!, EndpointId = result.GetValue(endpointId)! },
                connection.Call(cancellationToken));
            connection.Output.Secret(response, response.Endpoint, response.Secret);
        })(command);
        return command;
    }

    private static Command DeliveriesCommand()
    {
        var endpointId = new Argument<string>("endpoint-id");
        var pageToken = new Option<string>("--page-token") { DefaultValueFactory = _ => "" };
        var command = new Command("deliveries", "What an endpoint was sent, newest first: status, attempts, last answer") { endpointId, pageToken };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            var page = await connection.Client.Webhooks.ListDeliveriesAsync(
                new ListDeliveriesRequest { EndpointId = result.GetValue(endpointId)!, PageToken = result.GetValue(pageToken)! },
                connection.Call(cancellationToken));
            connection.Output.List(page, page.Deliveries,
                ("event", d => d.EventId), ("type", d => d.EventType), ("status", d => Status(d.Status)),
                ("attempts", d => d.Attempts.ToString(CultureInfo.InvariantCulture)),
                ("last answer", d => d.LastResponseCode > 0 ? d.LastResponseCode.ToString(CultureInfo.InvariantCulture) : d.LastError),
                ("last attempt (UTC)", d => Time(d.LastAttemptTime)), ("next attempt (UTC)", d => Time(d.NextAttemptTime)));
            if (page.NextPageToken.Length > 0)
                connection.Output.Line($"More: rlctl webhooks deliveries {result.GetValue(endpointId)} --page-token {page.NextPageToken}");
        })(command);
        return command;
    }

    private static Command RedeliverCommand()
    {
        var endpointId = new Argument<string>("endpoint-id");
        var eventId = new Argument<string>("event-id") { Description = "e.g. evt_1893 (rlctl events list shows them)" };
        var requestId = RlctlCommand.RequestId();
        var command = new Command("redeliver", "Send an event to the endpoint again, after what it is sending now") { endpointId, eventId, requestId };
        RlctlCommand.Runs(async (connection, result, cancellationToken) => connection.Output.Message(
            await connection.Client.Webhooks.RedeliverEventAsync(new RedeliverEventRequest
            {
                RequestId = result.GetValue(requestId)!, EndpointId = result.GetValue(endpointId)!, EventId = result.GetValue(eventId)!,
            }, connection.Call(cancellationToken))))(command);
        return command;
    }

    /// <summary>The endpoint as it stands, for an update that changes only what its flags name.</summary>
    private static async Task<WebhookEndpoint> FindAsync(Connection connection, string endpointId, CancellationToken cancellationToken)
    {
        var request = new ListWebhookEndpointsRequest();
        while (true)
        {
            var page = await connection.Client.Webhooks.ListWebhookEndpointsAsync(request, connection.Call(cancellationToken));
            if (page.Endpoints.FirstOrDefault(e => e.EndpointId == endpointId) is { } found) return found;
            if (page.NextPageToken.Length == 0) throw new RpcException(new Status(StatusCode.NotFound, $"There is no webhook endpoint '{endpointId}'; `rlctl webhooks list` lists them."));
            request.PageToken = page.NextPageToken;
        }
    }

    private static string Status(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Pending => "pending",
        DeliveryStatus.Delivered => "delivered",
        DeliveryStatus.Failed => "failed, retrying",
        DeliveryStatus.DeadLettered => "dead-lettered",
        _ => status.ToString(),
    };

    private static string Time(Timestamp? time) => time?.ToDateTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "";
}
