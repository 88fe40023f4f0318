using System.CommandLine;
using ReverseLogistics.Cli.Input;
using ReverseLogistics.V1;

namespace ReverseLogistics.Cli;

/// <summary>rlctl policy: the merchant's return policy, read and replaced as a whole.</summary>
public static class PolicyCommands
{
    public static Command Create() => new("policy", "The merchant's return policy (use the merchant's key)") { GetCommand(), SetCommand() };

    private static Command GetCommand()
    {
        var command = new Command("get", "The policy in force (the platform default until one is set); `--json > policy.json` makes a file for `policy set`");
        RlctlCommand.Runs(async (connection, _, cancellationToken) =>
            connection.Output.Message(await connection.Client.Policies.GetReturnPolicyAsync(new GetReturnPolicyRequest(), connection.Call(cancellationToken))))(command);
        return command;
    }

    private static Command SetCommand()
    {
        var file = new Argument<string>("file") { Description = "A ReturnPolicy in the API's JSON mapping (.json), or the same as YAML (.yaml, .yml); - reads JSON from stdin" };
        var requestId = RlctlCommand.RequestId();
        var command = new Command("set", "Replace the policy as a whole; an invalid one is refused with every bad field, and the old one stays") { file, requestId };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            var policy = MessageFile.Read<ReturnPolicy>(result.GetValue(file)!);
            connection.Output.Message(await connection.Client.Policies.UpdateReturnPolicyAsync(
                new UpdateReturnPolicyRequest { RequestId = result.GetValue(requestId)!, Policy = policy }, connection.Call(cancellationToken)));
        })(command);
        return command;
    }
}
