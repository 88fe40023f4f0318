using Google.Rpc;
using Grpc.Core;
using ReverseLogistics.Client;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Analytics;

/// <summary>ReportSales over gRPC: merchants only, replace semantics per SKU and day, request ids, every bad field named.</summary>
public sealed class SalesServiceTests(SiloFixture silo) : IClassFixture<SiloFixture>
{
    private PlatformClient Client => silo.Client;

    private async Task<CallOptions> MerchantAsync() => As((await NewMerchantAsync(Client, SiloFixture.OperatorKey)).MerchantKey);

    private static ReportSalesRequest Report(string day, params (string Sku, string Category, long Units)[] sales) => new()
    {
        RequestId = NewRequestId(),
        Day = day,
        Sales = { sales.Select(s => new SkuSales { Sku = s.Sku, Category = s.Category, UnitsSold = s.Units }) },
    };

    [Fact]
    public async Task A_day_reported_again_is_replaced_sku_by_sku_and_a_retry_answers_as_the_first_time()
    {
        var merchant = await MerchantAsync();
        var first = Report("2026-03-14", ("SKU-1", "apparel", 10), ("SKU-2", "shoes", 4));

        var reported = await Client.Sales.ReportSalesAsync(first, merchant);
        var retried = await Client.Sales.ReportSalesAsync(first, merchant);
        var corrected = await Client.Sales.ReportSalesAsync(Report("2026-03-14", ("SKU-1", "apparel", 6)), merchant);

        Assert.Equal(new ReportSalesResponse { Day = "2026-03-14", SkusReported = 2, UnitsReported = 14, SkusOnDay = 2, UnitsOnDay = 14 }, reported);
        Assert.Equal(reported, retried);
        Assert.Equal(new ReportSalesResponse { Day = "2026-03-14", SkusReported = 1, UnitsReported = 6, SkusOnDay = 2, UnitsOnDay = 10 }, corrected);
    }

    [Fact]
    public async Task A_request_id_used_for_another_report_is_refused()
    {
        var merchant = await MerchantAsync();
        var first = Report("2026-03-14", ("SKU-1", "apparel", 10));
        await Client.Sales.ReportSalesAsync(first, merchant);
        var other = Report("2026-03-15", ("SKU-1", "apparel", 10));
        other.RequestId = first.RequestId;

        var reused = await Assert.ThrowsAsync<RpcException>(() => Client.Sales.ReportSalesAsync(other, merchant).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, reused.StatusCode);
    }

    [Fact]
    public async Task Every_bad_field_is_named_and_nothing_is_written()
    {
        var merchant = await MerchantAsync();
        var tomorrowButOne = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var badDay = await Assert.ThrowsAsync<RpcException>(() => Client.Sales.ReportSalesAsync(Report("14.03.2026", ("SKU-1", "a", 1)), merchant).ResponseAsync);
        var future = await Assert.ThrowsAsync<RpcException>(() => Client.Sales.ReportSalesAsync(Report(tomorrowButOne, ("SKU-1", "a", 1)), merchant).ResponseAsync);
        var badLines = await Assert.ThrowsAsync<RpcException>(() => Client.Sales.ReportSalesAsync(
            Report("2026-03-14", ("SKU-1", "a", 1), ("", "a", 1), ("SKU-3", " ", -1), ("SKU-1", "a", 1_000_000_001)), merchant).ResponseAsync);
        var none = await Assert.ThrowsAsync<RpcException>(() => Client.Sales.ReportSalesAsync(Report("2026-03-14"), merchant).ResponseAsync);

        Assert.Equal(["day"], Fields(badDay));
        Assert.Equal(["day"], Fields(future));
        Assert.Equal(["sales[1].sku", "sales[2].category", "sales[2].units_sold", "sales[3].sku", "sales[3].units_sold"], Fields(badLines).Order(StringComparer.Ordinal));
        Assert.Equal(["sales"], Fields(none));
        var after = await Client.Sales.ReportSalesAsync(Report("2026-03-14", ("SKU-9", "a", 1)), merchant);
        Assert.Equal((1, 1L), (after.SkusOnDay, after.UnitsOnDay));
    }

    [Fact]
    public async Task Only_merchants_report_sales()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            Client.Sales.ReportSalesAsync(Report("2026-03-14", ("SKU-1", "a", 1)), As(SiloFixture.OperatorKey)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    private static List<string> Fields(RpcException error)
    {
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        return [.. error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field)];
    }
}
