using System.CommandLine;

namespace ReverseLogistics.Silo.Hosting;

/// <summary>
/// The silo's command line. Every flag has an appsettings.json key and an RL_* environment variable
/// (<see cref="SiloSettings"/>); flags win over variables, which win over the file.
/// </summary>
public static class SiloCommand
{
    public static RootCommand Create()
    {
        var config = new Option<string?>("--config") { Description = "Settings file (JSON, like appsettings.json); default ./appsettings.json when it exists" };
        var flags = SiloSettings.All.Where(s => s.Flag is not null)
            .Select(s => (Setting: s, Option: s == SiloSettings.Conformance || s == SiloSettings.WebhooksAllowPrivate
                ? (Option)new Option<bool>(s.Flag!) { Description = $"{s.Description} [{s.Variable}]" }
                : new Option<string?>(s.Flag!) { Description = $"{s.Description} [{s.Variable}]" }))
            .ToList();

        var command = new RootCommand("Reverse-logistics platform: one silo node serving the gRPC API.") { config };
        foreach (var (_, option) in flags) command.Options.Add(option);
        command.SetAction(async (result, cancellationToken) =>
        {
            var fromFlags = flags
                .Where(flag => result.GetResult(flag.Option) is { Implicit: false })
                .Select(flag => KeyValuePair.Create(flag.Setting.ConfigurationPath, flag.Option is Option<bool> on
                    ? result.GetValue(on).ToString()
                    : result.GetValue((Option<string?>)flag.Option)));
            var configuration = Configuration(result.GetValue(config), fromFlags);
            if (configuration.Error is { } error) return StartupFailure.Report(error);
            return await SiloRunner.RunAsync(configuration.Value!, cancellationToken);
        });
        return command;
    }

    private static (IConfigurationRoot? Value, string? Error) Configuration(string? file, IEnumerable<KeyValuePair<string, string?>> fromFlags)
    {
        var path = Path.GetFullPath(file ?? "appsettings.json");
        if (file is not null && !File.Exists(path)) return (null, $"--config: '{path}' does not exist.");
        try
        {
            return (new ConfigurationBuilder()
                .AddJsonFile(path, optional: true)
                .AddInMemoryCollection(SiloSettings.FromEnvironment())
                .AddInMemoryCollection(fromFlags)
                .Build(), null);
        }
        catch (InvalidDataException e)
        {
            return (null, $"--config: '{path}' is not valid JSON ({e.InnerException?.Message ?? e.Message}).");
        }
    }
}
