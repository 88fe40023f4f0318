using Grpc.Core;
using ReverseLogistics.Client;

namespace ReverseLogistics.LoadGen;

/// <summary>What every load command takes: where the silo is, the operator key, and how the load runs.</summary>
internal sealed record LoadSettings(string Address, string OperatorKey, int Concurrency, double Duration, int? Count, double Warmup,
    int MaxAttempts, TimeSpan Deadline, TimeSpan PauseAfterFailure, int? SiloPid)
{
    /// <summary>A client for the measured calls: --max-attempts and --deadline apply.</summary>
    public PlatformClient LoadClient(string apiKey) => new(new PlatformClientOptions
    {
        Address = Address, ApiKey = apiKey, MaxAttempts = MaxAttempts, DefaultDeadline = Deadline,
    });

    /// <summary>
    /// A client for setup and the check, with the SDK's defaults: it retries UNAVAILABLE, which the request ids the SDK
    /// gives mutations make safe.
    /// </summary>
    public PlatformClient SetupClient(string apiKey) => new(new PlatformClientOptions { Address = Address, ApiKey = apiKey });
}

/// <summary>What a load command checks after the run: whether it held, and its counts as "key=value" for the summary line.</summary>
internal sealed record PathCheck(bool Ok, string SummaryFields);

/// <summary>
/// One path under load, set up by its command: what a worker does once, and how the run is checked afterwards.
/// <see cref="LoadRun"/> does the rest (workers, warm-up, figures, CPU, the summary line) the same for every path.
/// </summary>
internal interface ILoadPath<T> : IDisposable
{
    /// <summary>One operation, for the figures: "return", "parcel", "pickup", "read".</summary>
    string Unit { get; }

    /// <summary>What was set up, for the first line of the report (tenant, network, pre-created returns).</summary>
    string Description { get; }

    /// <summary>The first detail seen for each failing status code.</summary>
    IReadOnlyDictionary<StatusCode, string> FirstDetail { get; }

    /// <summary>One operation by worker <paramref name="worker"/>; null when nothing is left to do (the pre-created returns are used up).</summary>
    Task<Operation<T>?> RunOnceAsync(int worker);

    /// <summary>Checks, through the API, what every operation of the run (warm-up included) did, and prints the check.</summary>
    Task<PathCheck> CheckAsync(IReadOnlyList<Operation<T>> operations, TextWriter output);
}
