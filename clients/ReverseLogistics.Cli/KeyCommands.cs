using System.CommandLine;
using ReverseLogistics.V1;

namespace ReverseLogistics.Cli;

public static class KeyCommands
{
    public static Command Create() => new("keys", "API keys: merchant, handheld and operator") { CreateCommand(), ListCommand(), RevokeCommand() };

    private static Option<string> Tenant(string description) => new("--tenant") { Description = description, DefaultValueFactory = _ => "" };

    private static Command CreateCommand()
    {
        var role = new Option<Role>("--role") { Description = "Merchant, Handheld or Operator", Required = true };
        var tenant = Tenant("The merchant, for merchant keys");
        var center = new Option<string>("--center") { Description = "The fulfilment centre, for handheld keys", DefaultValueFactory = _ => "" };
        var description = new Option<string>("--description") { DefaultValueFactory = _ => "" };
        var requestId = RlctlCommand.RequestId();
        var command = new Command("create", "Issue a key; its secret is printed once") { role, tenant, center, description, requestId };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            var response = await connection.Client.Tenants.CreateApiKeyAsync(new CreateApiKeyRequest
            {
                RequestId = result.GetValue(requestId)!,
                Role = result.GetValue(role),
                TenantId = result.GetValue(tenant)!,
                FulfillmentCenterId = result.GetValue(center)!,
                Description = result.GetValue(description)!,
            }, connection.Call(cancellationToken));
            connection.Output.Secret(response, response.ApiKey, response.Secret);
        })(command);
        return command;
    }

    private static Command ListCommand()
    {
        var tenant = Tenant("The merchant whose keys to list; the 3PL's own keys when absent");
        var command = new Command("list", "List keys (never their secrets)") { tenant };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            var response = await connection.Client.Tenants.ListApiKeysAsync(new ListApiKeysRequest { TenantId = result.GetValue(tenant)! },
                connection.Call(cancellationToken));
            connection.Output.List(response, response.ApiKeys,
                ("key", k => k.KeyId), ("role", k => k.Role.ToString()), ("centre", k => k.FulfillmentCenterId),
                ("description", k => k.Description), ("revoked", k => k.RevokeTime?.ToDateTime().ToString("u") ?? ""));
        })(command);
        return command;
    }

    private static Command RevokeCommand()
    {
        var keyId = new Argument<string>("key-id");
        var tenant = Tenant("The merchant the key belongs to; the 3PL's own keys when absent");
        var requestId = RlctlCommand.RequestId();
        var command = new Command("revoke", "Revoke a key at once") { keyId, tenant, requestId };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
            connection.Output.Message(await connection.Client.Tenants.RevokeApiKeyAsync(new RevokeApiKeyRequest
            {
                RequestId = result.GetValue(requestId)!,
                TenantId = result.GetValue(tenant)!,
                KeyId = result.GetValue(keyId)!,
            }, connection.Call(cancellationToken))))(command);
        return command;
    }
}
