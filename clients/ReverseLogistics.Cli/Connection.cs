using System.CommandLine;
using Grpc.Core;
using ReverseLogistics.Client;

namespace ReverseLogistics.Cli;

/// <summary>The silo to talk to and the key to talk with, from options, the environment or ./data/operator.key.</summary>
public sealed class Connection : IDisposable
{
    public static readonly Option<string> Address = new("--address")
    {
        Description = "The silo, host:port ($RL_ADDRESS)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("RL_ADDRESS") is { Length: > 0 } address ? address : "127.0.0.1:7070",
        Recursive = true,
    };

    public static readonly Option<string?> Key = new("--key")
    {
        Description = "API key ($RL_KEY; else data/operator.key when it exists)",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json") { Description = "Print responses as JSON", Recursive = true };

    private Connection(ParseResult result)
    {
        Client = new PlatformClient(new PlatformClientOptions
        {
            Address = result.GetValue(Address)!,
            ApiKey = result.GetValue(Key) ?? Environment.GetEnvironmentVariable("RL_KEY") ?? ReadOperatorKeyFile(),
            // A dead silo fails the command instead of hanging it.
            DefaultDeadline = TimeSpan.FromSeconds(30),
            // One attempt, as rlctl has always made: a failure is reported, and the operator reruns the
            // command (with the same --request-id for a mutation) when it should be retried.
            MaxAttempts = 1,
        });
        Output = new Output(result.InvocationConfiguration.Output, result.GetValue(Json));
    }

    public PlatformClient Client { get; }
    public Output Output { get; }

    public static Connection From(ParseResult result) => new(result);

    /// <summary>Call options that end the call when the command is cancelled (the client adds the key and the deadline).</summary>
    public CallOptions Call(CancellationToken cancellationToken) => new(cancellationToken: cancellationToken);

    private static string? ReadOperatorKeyFile()
    {
        var path = Path.Combine("data", "operator.key");
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }

    public void Dispose() => Client.Dispose();
}
