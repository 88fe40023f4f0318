using System.Text;
using Grpc.Core;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Tenants;

/// <summary>A return carries its merchant's name as it was when the return was made: labels print it.</summary>
[Collection(SiloCollection.Name)]
public sealed class TenantNameOnReturnsTests(SiloFixture silo)
{
    private static readonly CallOptions Operator = As(SiloFixture.OperatorKey);

    [Fact]
    public async Task A_renamed_merchants_next_return_is_labelled_with_the_new_name_and_earlier_ones_keep_the_old()
    {
        var (tenantId, merchantKey) = await NewMerchantAsync(silo.Client, SiloFixture.OperatorKey);
        var merchant = As(merchantKey);
        var before = await silo.Client.Returns.CreateReturnAsync(Support.Returns.NewReturn(), merchant);

        await silo.Client.Tenants.UpdateTenantAsync(
            new UpdateTenantRequest { RequestId = NewRequestId(), TenantId = tenantId, DisplayName = "Renamed Outdoor Co" }, Operator);
        var after = await silo.Client.Returns.CreateReturnAsync(Support.Returns.NewReturn(), merchant);

        Assert.Contains("Renamed Outdoor Co", await LabelTextAsync(after.ReturnId, merchant));
        var earlier = await LabelTextAsync(before.ReturnId, merchant);
        Assert.DoesNotContain("Renamed Outdoor Co", earlier);
        Assert.Contains("Merchant " + tenantId, earlier);
    }

    private async Task<string> LabelTextAsync(string returnId, CallOptions merchant)
    {
        var label = await silo.Client.Returns.GetReturnLabelAsync(new GetReturnLabelRequest { ReturnId = returnId, Format = LabelFormat.Zpl }, merchant);
        return Encoding.UTF8.GetString(label.Content.Span);
    }
}
