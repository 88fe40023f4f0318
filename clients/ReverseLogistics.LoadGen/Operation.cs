using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;

namespace ReverseLogistics.LoadGen;

/// <summary>Something timed: when it started and ended (Stopwatch timestamps) and how it ended.</summary>
internal interface ITimed
{
    long Start { get; }
    long End { get; }
    StatusCode Status { get; }
}

/// <summary>One RPC of an operation, by method name.</summary>
internal readonly record struct TimedCall(string Rpc, long Start, long End, StatusCode Status) : ITimed
{
    public bool Acknowledged => Status == StatusCode.OK;
}

/// <summary>
/// One operation a worker made: its RPCs in order (one for most commands, a parcel's three for `handheld`), stopping
/// at the first that failed, and what the command needs afterwards to check it (<typeparamref name="T"/>).
/// </summary>
internal sealed record Operation<T>(T Subject, IReadOnlyList<TimedCall> Calls) : ITimed
{
    public long Start => Calls[0].Start;
    public long End => Calls[^1].End;
    /// <summary>OK when every call was acknowledged, otherwise the failed call's status.</summary>
    public StatusCode Status => Calls[^1].Status;
    public bool Acknowledged => Status == StatusCode.OK;
}

/// <summary>Times RPCs and keeps the first detail seen for each failing status code, to print next to the counts.</summary>
internal sealed class RpcTimer
{
    public ConcurrentDictionary<StatusCode, string> FirstDetail { get; } = new();

    /// <summary>Makes one call; the response is null when it failed.</summary>
    public async Task<(TimedCall Call, TResponse? Response)> TimeAsync<TResponse>(string rpc, Func<AsyncUnaryCall<TResponse>> call)
        where TResponse : class
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            var response = await call();
            return (new TimedCall(rpc, start, Stopwatch.GetTimestamp(), StatusCode.OK), response);
        }
        catch (RpcException e)
        {
            FirstDetail.TryAdd(e.StatusCode, $"{rpc}: {e.Status.Detail}");
            return (new TimedCall(rpc, start, Stopwatch.GetTimestamp(), e.StatusCode), null);
        }
    }
}
