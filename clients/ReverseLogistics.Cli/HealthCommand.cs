using System.CommandLine;
using Grpc.Health.V1;
using ReverseLogistics.Grpc.Client;

namespace ReverseLogistics.Cli;

public static class HealthCommand
{
    private static readonly Method<HealthCheckRequest, HealthCheckResponse> Check =
        Method<HealthCheckRequest, HealthCheckResponse>.From(HealthReflection.Descriptor.Services[0], "Check");

    public static Command Create()
    {
        var service = new Argument<string>("service") { Description = "A service name; the whole silo when absent", DefaultValueFactory = _ => "" };
        var command = new Command("health", "Is the silo (or one of its services) serving?") { service };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            var response = await connection.Channel.Unary(Check, new HealthCheckRequest { Service = result.GetValue(service)! },
                connection.Call(cancellationToken));
            connection.Output.Message(response);
        })(command);
        return command;
    }
}
