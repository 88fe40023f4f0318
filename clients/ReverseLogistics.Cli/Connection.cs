using System.CommandLine;
using ReverseLogistics.Grpc;
using ReverseLogistics.Grpc.Client;

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

    private readonly string? _key;

    private Connection(ParseResult result)
    {
        Channel = GrpcChannel.ForAddress(result.GetValue(Address)!);
        _key = result.GetValue(Key) ?? Environment.GetEnvironmentVariable("RL_KEY") ?? ReadOperatorKeyFile();
        Output = new Output(result.InvocationConfiguration.Output, result.GetValue(Json));
    }

    public GrpcChannel Channel { get; }
    public Output Output { get; }

    public static Connection From(ParseResult result) => new(result);

    /// <summary>Call options carrying the key and a deadline, so a dead silo fails the command instead of hanging it.</summary>
    public CallOptions Call(CancellationToken cancellationToken) => new()
    {
        Headers = _key is null ? null : new Metadata().Add("authorization", $"Bearer {_key}"),
        Deadline = DateTime.UtcNow.AddSeconds(30),
        CancellationToken = cancellationToken,
    };

    private static string? ReadOperatorKeyFile()
    {
        var path = Path.Combine("data", "operator.key");
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }

    public void Dispose() => Channel.Dispose();
}
