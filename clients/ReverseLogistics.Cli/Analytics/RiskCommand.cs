using System.CommandLine;
using ReverseLogistics.V1;

namespace ReverseLogistics.Cli.Analytics;

/// <summary>rlctl analytics risk: customers whose returns in a window reached the fraud rule's threshold (GetCustomerRisk).</summary>
public static class RiskCommand
{
    public static Command Create()
    {
        var to = AnalyticsFlags.To("The window's last UTC day, YYYY-MM-DD (today by default)", required: false);
        var tenant = AnalyticsFlags.Tenant();
        tenant.Description = "Operators: the merchant to read (required for operators: the threshold is the merchant's policy)";
        var windowDays = new Option<int>("--window-days") { Description = "The window's length in days (1 to 366; the policy fraud rule's lookback by default)" };
        var minReturns = new Option<int>("--min-returns") { Description = "Customers with at least this many returns (the policy's threshold by default)" };
        var command = new Command("risk", "Customers with many returns in a window, most first") { to, tenant, windowDays, minReturns };
        return AnalyticsCommand.Paged(command, (connection, result, page, cancellationToken) => connection.Client.Analytics.GetCustomerRiskAsync(new GetCustomerRiskRequest
        {
            LastDay = result.GetValue(to)!, TenantId = result.GetValue(tenant)!, WindowDays = result.GetValue(windowDays),
            MinReturns = result.GetValue(minReturns), PageSize = page.Size, PageToken = page.Token,
        }, connection.Call(cancellationToken)).ResponseAsync, View);
    }

    public static AnalyticsView View(GetCustomerRiskResponse response)
    {
        var sheet = new Sheet("customer", "returns", "first return", "last return");
        foreach (var customer in response.Customers)
            sheet.Add(Cell.Of(customer.CustomerReference), Cell.Count(customer.Returns), Cell.Of(customer.FirstReturnDay), Cell.Of(customer.LastReturnDay));
        return new AnalyticsView(response, sheet, [])
        {
            Notes = [$"{response.Customers.Count} customer(s) with at least {response.MinReturns} returns requested {response.FirstDay}..{response.LastDay}."],
        };
    }
}
