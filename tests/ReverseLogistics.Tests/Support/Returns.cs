using Google.Protobuf.WellKnownTypes;
using ReverseLogistics.Grpc.Client;
using ReverseLogistics.V1;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace ReverseLogistics.Tests.Support;

/// <summary>Client-side methods of ReturnsService and ReturnPolicyService, and sample requests.</summary>
public static class Returns
{
    private static readonly ServiceDescriptor Service = ReturnsReflection.Descriptor.Services[0];
    private static readonly ServiceDescriptor Policies = ReturnPolicyReflection.Descriptor.Services[0];

    public static readonly Method<CheckEligibilityRequest, EligibilityResult> CheckEligibility = Method<CheckEligibilityRequest, EligibilityResult>.From(Service, "CheckEligibility");
    public static readonly Method<CreateReturnRequest, Return> CreateReturn = Method<CreateReturnRequest, Return>.From(Service, "CreateReturn");
    public static readonly Method<GetReturnRequest, Return> GetReturn = Method<GetReturnRequest, Return>.From(Service, "GetReturn");
    public static readonly Method<ListReturnsRequest, ListReturnsResponse> ListReturns = Method<ListReturnsRequest, ListReturnsResponse>.From(Service, "ListReturns");
    public static readonly Method<ApproveReturnRequest, Return> ApproveReturn = Method<ApproveReturnRequest, Return>.From(Service, "ApproveReturn");
    public static readonly Method<RejectReturnRequest, Return> RejectReturn = Method<RejectReturnRequest, Return>.From(Service, "RejectReturn");
    public static readonly Method<CancelReturnRequest, Return> CancelReturn = Method<CancelReturnRequest, Return>.From(Service, "CancelReturn");
    public static readonly Method<GetReturnLabelRequest, ReturnLabel> GetReturnLabel = Method<GetReturnLabelRequest, ReturnLabel>.From(Service, "GetReturnLabel");
    public static readonly Method<ListReturnEventsRequest, ListReturnEventsResponse> ListReturnEvents = Method<ListReturnEventsRequest, ListReturnEventsResponse>.From(Service, "ListReturnEvents");
    public static readonly Method<ConfirmRefundRequest, Return> ConfirmRefund = Method<ConfirmRefundRequest, Return>.From(Service, "ConfirmRefund");
    public static readonly Method<ResolveExceptionRequest, Return> ResolveException = Method<ResolveExceptionRequest, Return>.From(Service, "ResolveException");
    public static readonly Method<UpdateReturnPolicyRequest, ReturnPolicy> UpdatePolicy = Method<UpdateReturnPolicyRequest, ReturnPolicy>.From(Policies, "UpdateReturnPolicy");
    public static readonly Method<GetReturnPolicyRequest, ReturnPolicy> GetPolicy = Method<GetReturnPolicyRequest, ReturnPolicy>.From(Policies, "GetReturnPolicy");

    public static ReturnLineInput Line(string sku = "TENT-2P", string category = "outdoor", long unitPrice = 129_00, int quantity = 1,
        string reason = "changed_mind", int deliveredDaysAgo = 3, string order = "SO-1001") => new()
    {
        OrderReference = order,
        Sku = sku,
        Category = category,
        Quantity = quantity,
        PurchasedQuantity = quantity,
        UnitPrice = new Money { MinorUnits = unitPrice, CurrencyCode = "USD" },
        PurchasedAt = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(-deliveredDaysAgo - 2)),
        DeliveredAt = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(-deliveredDaysAgo)),
        ReasonCode = reason,
    };

    public static CreateReturnRequest NewReturn(string customer = "cust-1", ReturnMethod method = ReturnMethod.CarrierPickup, params ReturnLineInput[] lines)
    {
        var request = new CreateReturnRequest
        {
            RequestId = TenantAdmin.NewRequestId(),
            CustomerReference = customer,
            CustomerAddress = new Address { Name = "Jane Doe", Line1 = "12 Main St", City = "Portland", PostalCode = "97201", CountryCode = "US" },
            RequestedResolution = Resolution.RefundToOriginalPayment,
            ReturnMethod = method,
        };
        request.Lines.AddRange(lines.Length == 0 ? [Line()] : lines);
        return request;
    }
}
