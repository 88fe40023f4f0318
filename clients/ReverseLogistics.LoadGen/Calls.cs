using System.Collections.Concurrent;
using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ReverseLogistics.Samples;
using ReverseLogistics.V1;

namespace ReverseLogistics.LoadGen;

/// <summary>One CreateReturn call: when it started and ended (Stopwatch timestamps), how it ended, its request id and, if acknowledged, the return.</summary>
internal readonly record struct CallRecord(long Start, long End, StatusCode Status, string RequestId, string? ReturnId) : ITimed
{
    public bool Acknowledged => Status == StatusCode.OK;

    /// <summary>The customer reference the call's return carries: how the check finds which call a listed return came from.</summary>
    public string CustomerReference => Calls.CustomerReferenceOf(RequestId);
}

/// <summary>CreateReturn calls, each with a request id of its own, never reused.</summary>
internal sealed class Calls(ReturnsService.ReturnsServiceClient returns, TimeSpan defaultDeadline)
{
    private readonly CreateReturnRequest template = SampleReturn.New("");

    /// <summary>The first detail seen for each failing status code, to print next to the counts.</summary>
    public ConcurrentDictionary<StatusCode, string> FirstDetail { get; } = new();

    public static string CustomerReferenceOf(string requestId) => "lg-" + requestId;

    /// <param name="deadline">This call's deadline instead of the one given to the constructor.</param>
    /// <param name="category">The line's category instead of the sample's (it decides the centre in a network).</param>
    public async Task<CallRecord> CreateReturnAsync(TimeSpan? deadline = null, string? category = null)
    {
        var requestId = Guid.NewGuid().ToString("N");
        var request = template.Clone();
        if (category is not null) request.Lines[0].Category = category;
        request.RequestId = requestId;
        request.CustomerReference = CustomerReferenceOf(requestId);
        var start = Stopwatch.GetTimestamp();
        try
        {
            var created = await returns.CreateReturnAsync(request, deadline: DateTime.UtcNow + (deadline ?? defaultDeadline));
            return new CallRecord(start, Stopwatch.GetTimestamp(), StatusCode.OK, requestId, created.ReturnId);
        }
        catch (RpcException e)
        {
            FirstDetail.TryAdd(e.StatusCode, e.Status.Detail);
            return new CallRecord(start, Stopwatch.GetTimestamp(), e.StatusCode, requestId, null);
        }
    }
}
