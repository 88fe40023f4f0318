using System.CommandLine;
using Grpc.Health.V1;

namespace ReverseLogistics.Cli;

public static class HealthCommand
{
    public static Command Create()
    {
        var service = new Argument<string>("service") { Description = "A service name; the whole silo when absent", DefaultValueFactory = _ => "" };
        var command = new Command("health", "Is the silo (or one of its services) serving?") { service };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            var response = await connection.Client.Health.CheckAsync(new HealthCheckRequest { Service = result.GetValue(service)! },
                connection.Call(cancellationToken));
            connection.Output.Message(response);
        })(command);
        return command;
    }
}
