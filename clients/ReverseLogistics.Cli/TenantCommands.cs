using System.CommandLine;
using ReverseLogistics.V1;

namespace ReverseLogistics.Cli;

public static class TenantCommands
{
    public static Command Create() => new("tenants", "Merchants served by the platform") { CreateCommand(), GetCommand(), ListCommand(), UpdateCommand() };

    private static Command CreateCommand()
    {
        var tenantId = new Argument<string>("tenant-id") { Description = "e.g. acme-outdoor" };
        var name = new Option<string>("--name") { Description = "Display name", Required = true };
        var rps = new Option<int?>("--rps") { Description = "Rate limit: requests per second" };
        var burst = new Option<int?>("--burst") { Description = "Rate limit: burst (defaults to twice --rps)" };
        var requestId = RlctlCommand.RequestId();
        var command = new Command("create", "Onboard a merchant") { tenantId, name, rps, burst, requestId };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            var request = new CreateTenantRequest
            {
                RequestId = result.GetValue(requestId)!,
                TenantId = result.GetValue(tenantId)!,
                DisplayName = result.GetValue(name)!,
            };
            if (result.GetValue(rps) is { } perSecond)
                request.RateLimit = new RateLimit { RequestsPerSecond = perSecond, Burst = result.GetValue(burst) ?? 2 * perSecond };
            connection.Output.Message(await connection.Client.Tenants.CreateTenantAsync(request, connection.Call(cancellationToken)));
        })(command);
        return command;
    }

    private static Command UpdateCommand()
    {
        var tenantId = new Argument<string>("tenant-id");
        var name = new Option<string?>("--name") { Description = "New display name" };
        var rps = new Option<int?>("--rps") { Description = "New rate limit: requests per second" };
        var burst = new Option<int?>("--burst") { Description = "Burst (defaults to twice --rps)" };
        var requestId = RlctlCommand.RequestId();
        var command = new Command("update", "Change a merchant's display name or rate limit; what is not given stays") { tenantId, name, rps, burst, requestId };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            var request = new UpdateTenantRequest { RequestId = result.GetValue(requestId)!, TenantId = result.GetValue(tenantId)! };
            if (result.GetValue(name) is { } displayName) request.DisplayName = displayName;
            if (result.GetValue(rps) is { } perSecond)
                request.RateLimit = new RateLimit { RequestsPerSecond = perSecond, Burst = result.GetValue(burst) ?? 2 * perSecond };
            else if (result.GetValue(burst) is not null) throw new CliUsageException("--burst needs --rps.");
            connection.Output.Message(await connection.Client.Tenants.UpdateTenantAsync(request, connection.Call(cancellationToken)));
        })(command);
        return command;
    }

    private static Command GetCommand()
    {
        var tenantId = new Argument<string>("tenant-id");
        var command = new Command("get", "Show one tenant") { tenantId };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
            connection.Output.Message(await connection.Client.Tenants.GetTenantAsync(
                new GetTenantRequest { TenantId = result.GetValue(tenantId)! }, connection.Call(cancellationToken))))(command);
        return command;
    }

    private static Command ListCommand()
    {
        var command = new Command("list", "List every tenant");
        RlctlCommand.Runs(async (connection, _, cancellationToken) =>
        {
            var all = new ListTenantsResponse();
            do
            {
                var page = await connection.Client.Tenants.ListTenantsAsync(new ListTenantsRequest { PageToken = all.NextPageToken },
                    connection.Call(cancellationToken));
                all.Tenants.AddRange(page.Tenants);
                all.NextPageToken = page.NextPageToken;
            } while (all.NextPageToken.Length > 0);
            connection.Output.List(all, all.Tenants,
                ("tenant", t => t.TenantId), ("name", t => t.DisplayName),
                ("rate limit", t => $"{t.RateLimit.RequestsPerSecond}/s, burst {t.RateLimit.Burst}"),
                ("created", t => t.CreateTime.ToDateTime().ToString("u")));
        })(command);
        return command;
    }
}
