using System.CommandLine;
using Grpc.Core;
using ReverseLogistics.Cli.Settings;
using ReverseLogistics.Client;

namespace ReverseLogistics.Cli;

/// <summary>The silo to talk to and the key to talk with (<see cref="CliSettings"/>), and where to print.</summary>
public sealed class Connection : IDisposable
{
    private Connection(ParseResult result, CliSettings settings)
    {
        Settings = settings;
        try
        {
            Client = ClientFor(settings.Key.Value);
        }
        catch (UriFormatException e)
        {
            throw BadAddress(settings.Address, e);
        }
        catch (ArgumentException e)
        {
            throw BadAddress(settings.Address, e);
        }
        Output = CliOptions.OutputFor(result, settings.Output);
    }

    public CliSettings Settings { get; }
    public PlatformClient Client { get; }
    public Output Output { get; }

    public static Connection From(ParseResult result, CliSettings settings) => new(result, settings);

    /// <summary>
    /// A client of the same silo calling with <paramref name="key"/> (for commands acting as several personas, such as
    /// `rlctl demo`); the caller disposes of it.
    /// </summary>
    public PlatformClient ClientFor(string? key) => new(new PlatformClientOptions
    {
        Address = Settings.Address.Value!,
        ApiKey = key,
        // A dead silo fails the command instead of hanging it.
        DefaultDeadline = TimeSpan.FromSeconds(30),
        // One attempt, as rlctl has always made: a failure is reported, and the operator reruns the
        // command (with the same --request-id for a mutation) when it should be retried.
        MaxAttempts = 1,
    });

    /// <summary>Call options that end the call when the command is cancelled (the client adds the key and the deadline).</summary>
    public CallOptions Call(CancellationToken cancellationToken) => new(cancellationToken: cancellationToken);

    private static CliUsageException BadAddress(Setting address, Exception e) =>
        new($"The address '{address.Value}' (from {address.Source}) is not host:port or an http:// or https:// URL ({e.Message}).");

    public void Dispose() => Client.Dispose();
}
