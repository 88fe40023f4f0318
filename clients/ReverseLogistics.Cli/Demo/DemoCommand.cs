using System.CommandLine;
using Grpc.Core;
using ReverseLogistics.Cli.Errors;

namespace ReverseLogistics.Cli.Demo;

/// <summary>
/// rlctl demo (the operator's key): sets up a small network and a merchant, then takes returns through every path
/// (automatic approval, manual review, pickup, drop-off, partial receipt, grading, disposition, refund, an exception
/// resolved), printing each step. Exit 0 only when every path reached its expected end state.
/// </summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var tenant = new Option<string?>("--tenant")
        {
            Description = "The demo merchant's tenant id (default demo-<random>, so the demo can run again on the same silo)",
        };
        var command = new Command("demo",
            "Set up a small network and a merchant, then take returns through every path to a refund, checking each step (operator key). " +
            "It adds to the 3PL's network: run it against a development silo.") { tenant };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            var suffix = Guid.NewGuid().ToString("N")[..6];
            var tenantId = result.GetValue(tenant) ?? "demo-" + suffix;
            var output = connection.Output;
            output.Heading($"Setting up merchant {tenantId} and a network on {connection.Settings.Address.Value}");
            using var world = await DemoSetup.CreateAsync(connection, tenantId, suffix, cancellationToken);
            var paths = new List<DemoPath>();
            foreach (var (path, run) in DemoPaths.All())
            {
                paths.Add(path);
                output.Heading($"{paths.Count}. {path.Title}");
                await RunAsync(connection, path, recorder => run(new DemoPaths(world, cancellationToken), recorder));
            }
            DemoSummary.Print(output, world, paths);
            if (paths.FirstOrDefault(p => !p.Ok) is { } failed) throw new CommandExit(failed.ExitCode);
        })(command);
        return command;
    }

    /// <summary>Runs one path; a failed call or a state other than expected ends it (and is recorded), and the next path runs.</summary>
    private static async Task RunAsync(Connection connection, DemoPath path, Func<DemoRecorder, Task> run)
    {
        var recorder = new DemoRecorder(path, connection.Output);
        try
        {
            await run(recorder);
        }
        catch (DemoCheckFailed e)
        {
            path.Fail(e.Message, ExitCodes.Other);
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled)
        {
            var failure = CallFailure.Describe(e, connection.Settings);
            var why = string.Join(" ", failure.Lines.Select(l => l.Trim()));
            recorder.Failed($"step {path.Steps.Count + 1}", why);
            path.Fail(why, failure.ExitCode);
        }
    }
}
