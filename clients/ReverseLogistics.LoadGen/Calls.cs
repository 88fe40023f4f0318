using System.Collections.Concurrent;
using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ReverseLogistics.V1;

namespace ReverseLogistics.LoadGen;

/// <summary>One CreateReturn call: when it started and ended (Stopwatch timestamps), how it ended, its request id and, if acknowledged, the return.</summary>
internal readonly record struct CallRecord(long Start, long End, StatusCode Status, string RequestId, string? ReturnId)
{
    public bool Acknowledged => Status == StatusCode.OK;

    /// <summary>The customer reference the call's return carries: how the check finds which call a listed return came from.</summary>
    public string CustomerReference => Calls.CustomerReferenceOf(RequestId);
}

/// <summary>CreateReturn calls, each with a request id of its own, never reused.</summary>
internal sealed class Calls(ReturnsService.ReturnsServiceClient returns, TimeSpan defaultDeadline)
{
    private readonly CreateReturnRequest template = Template();

    /// <summary>The first detail seen for each failing status code, to print next to the counts.</summary>
    public ConcurrentDictionary<StatusCode, string> FirstDetail { get; } = new();

    public static string CustomerReferenceOf(string requestId) => "lg-" + requestId;

    /// <param name="deadline">This call's deadline instead of the one given to the constructor.</param>
    public async Task<CallRecord> CreateReturnAsync(TimeSpan? deadline = null)
    {
        var requestId = Guid.NewGuid().ToString("N");
        var request = template.Clone();
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

    /// <summary>The tests' sample return (tests/ReverseLogistics.Tests/Support/Returns.cs NewReturn): one tent, delivered three days ago.</summary>
    private static CreateReturnRequest Template()
    {
        var request = new CreateReturnRequest
        {
            CustomerAddress = new Address { Name = "Jane Doe", Line1 = "12 Main St", City = "Portland", PostalCode = "97201", CountryCode = "US" },
            RequestedResolution = Resolution.RefundToOriginalPayment,
            ReturnMethod = ReturnMethod.CarrierPickup,
        };
        request.Lines.Add(new ReturnLineInput
        {
            OrderReference = "SO-1001",
            Sku = "TENT-2P",
            Category = "outdoor",
            Quantity = 1,
            PurchasedQuantity = 1,
            UnitPrice = new Money { MinorUnits = 129_00, CurrencyCode = "USD" },
            PurchasedAt = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(-5)),
            DeliveredAt = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(-3)),
            ReasonCode = "changed_mind",
        });
        return request;
    }
}
