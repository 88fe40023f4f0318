using System.Text.Json;
using ReverseLogistics.Cli;
using ReverseLogistics.Cli.Analytics;
using ReverseLogistics.Cli.Settings;
using ReverseLogistics.V1;

namespace ReverseLogistics.UnitTests.Cli;

/// <summary>
/// What rlctl analytics prints, from hand-built answers (the platform answers some of these calls only on other branches):
/// the table's cells, the CSV, the JSON document and the charts' bars.
/// </summary>
public sealed class AnalyticsViewTests
{
    private static string[][] Table(AnalyticsView view) => [.. view.Sheet.Rows.Select(r => r.Select(c => c.Text).ToArray())];

    private static string Csv(AnalyticsView view)
    {
        var csv = new StringWriter();
        view.Sheet.WriteCsv(csv);
        return csv.ToString();
    }

    /// <summary>The charts as a terminal shows them (no colours: not a terminal).</summary>
    private static string Charts(AnalyticsView view)
    {
        var text = new StringWriter();
        var output = new Output(text, TextWriter.Null, OutputFormat.Table);
        foreach (var chart in view.Charts) output.Render(chart);
        return System.Text.RegularExpressions.Regex.Replace(text.ToString(), "\u001b\\[[0-9;]*m", "");
    }

    private static JsonElement Json(AnalyticsView view)
    {
        var text = new StringWriter();
        new Output(text, TextWriter.Null, OutputFormat.Json).JsonOf(view.Response);
        return JsonDocument.Parse(text.ToString()).RootElement;
    }

    private static DurationSummary Took(long count, long median, long p90, long mean) =>
        new() { Count = count, MedianSeconds = median, P90Seconds = p90, MeanSeconds = mean };

    [Fact]
    public void Resolution_lists_request_to_refund_and_each_stage_per_period_with_a_bar_per_stage()
    {
        ResolutionPeriod Period(string first, string last, long count) => new()
        {
            FirstDay = first, LastDay = last, RequestToRefund = Took(count, 3 * 86_400, 5 * 86_400 + 7200, 3 * 86_400 + 3600),
            Stages =
            {
                new StageDuration { Stage = ResolutionStage.Approval, Duration = Took(count, 3600, 7200, 1800) },
                new StageDuration { Stage = ResolutionStage.AwaitingInspection, Duration = Took(count, 36 * 3600, 48 * 3600, 30 * 3600) },
            },
        };
        var view = ResolutionCommand.View(new GetResolutionMetricsResponse
        {
            Total = Period("2026-01-01", "2026-01-14", 3), Periods = { Period("2026-01-01", "2026-01-07", 1), Period("2026-01-08", "2026-01-14", 2) },
        });

        Assert.Equal(["2026-01-01", "2026-01-07", "request-to-refund", "1", "3d 0h", "5d 2h", "3d 1h"], Table(view)[0]);
        Assert.Equal(["2026-01-01", "2026-01-07", "approval", "1", "1h 00m", "2h 00m", "30m"], Table(view)[1]);
        Assert.Equal(["2026-01-01", "2026-01-14", "awaiting-inspection", "3", "1d 12h", "2d 0h", "1d 6h"], Table(view)[^1]); // the total, last
        Assert.Equal(9, Table(view).Length);
        Assert.Equal(7, Csv(view).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // the header and the periods' rows, not the total's
        Assert.StartsWith("first_day,last_day,span,returns,median,p90,mean\n2026-01-01,2026-01-07,request-to-refund,1,259200,439200,262800\n", Csv(view));
        Assert.Matches(@"approval +█* 1 h", Charts(view));
        Assert.Matches(@"awaiting-inspection +█+ 36 h", Charts(view));
        Assert.Equal("RESOLUTION_STAGE_APPROVAL", Json(view).GetProperty("total").GetProperty("stages")[0].GetProperty("stage").GetString());
    }

    [Fact]
    public void Dispositions_list_grade_and_disposition_cells_with_bars_per_disposition_and_money_per_currency()
    {
        var view = DispositionsCommand.View(new GetDispositionMixResponse
        {
            Groups =
            {
                new DispositionGroup
                {
                    Group = "apparel", Units = 10,
                    Cells =
                    {
                        new DispositionCell { Grade = InspectionGrade.A, Disposition = Disposition.Restock, Units = 6 },
                        new DispositionCell { Grade = InspectionGrade.B, Disposition = Disposition.Restock, Units = 2 },
                        new DispositionCell { Grade = InspectionGrade.D, Disposition = Disposition.ReturnToVendor, Units = 2 },
                    },
                    Values =
                    {
                        new RecoveryValue
                        {
                            Refunded = new Money { MinorUnits = 129_000, CurrencyCode = "USD" }, Recovered = new Money { MinorUnits = 96_750, CurrencyCode = "USD" },
                            RecoveryRate = 0.75,
                        },
                    },
                },
            },
        });

        Assert.Equal([["apparel", "a", "restock", "6", "60 %"], ["apparel", "b", "restock", "2", "20 %"], ["apparel", "d", "return-to-vendor", "2", "20 %"]], Table(view));
        Assert.Equal("group,grade,disposition,units,share\napparel,a,restock,6,0.6\napparel,b,restock,2,0.2\napparel,d,return-to-vendor,2,0.2\n", Csv(view));
        Assert.Equal([["apparel", "USD", "129,000 USD", "96,750 USD", "75 %"]], view.MoreSheets.Single().Rows.Select(r => r.Select(c => c.Text)));
        Assert.Contains("Units by disposition apparel", Charts(view));
        Assert.Matches(@"restock +█+ 8", Charts(view));
        Assert.Matches(@"return-to-vendor +█+ 2", Charts(view));
        Assert.Equal("129000", Json(view).GetProperty("groups")[0].GetProperty("values")[0].GetProperty("refunded").GetProperty("minorUnits").GetString());
    }

    [Fact]
    public void Risk_lists_customers_most_returns_first_and_says_the_window()
    {
        var view = RiskCommand.View(new GetCustomerRiskResponse
        {
            FirstDay = "2026-01-01", LastDay = "2026-01-30", MinReturns = 4,
            Customers =
            {
                new CustomerRisk { CustomerReference = "cust-9", Returns = 6, FirstReturnDay = "2026-01-02", LastReturnDay = "2026-01-29" },
                new CustomerRisk { CustomerReference = "cust-3", Returns = 4, FirstReturnDay = "2026-01-10", LastReturnDay = "2026-01-12" },
            },
        });

        Assert.Equal([["cust-9", "6", "2026-01-02", "2026-01-29"], ["cust-3", "4", "2026-01-10", "2026-01-12"]], Table(view));
        Assert.Equal("customer,returns,first_return,last_return\ncust-9,6,2026-01-02,2026-01-29\ncust-3,4,2026-01-10,2026-01-12\n", Csv(view));
        Assert.Equal(["2 customer(s) with at least 4 returns requested 2026-01-01..2026-01-30."], view.Notes);
        Assert.Empty(view.Charts);
        Assert.Equal(4, Json(view).GetProperty("minReturns").GetInt32());
    }

    [Fact]
    public void Centres_list_receiving_per_period_and_chart_the_backlog_by_arrival_day()
    {
        ReceivingPeriod Received(string first, string last, long parcels, long units) => new() { FirstDay = first, LastDay = last, Parcels = parcels, Units = units };
        var view = CentresCommand.View(new GetCenterMetricsResponse
        {
            Centers =
            {
                new CenterMetrics
                {
                    FulfillmentCenterId = "FC-PDX-1", Total = Received("2026-01-01", "2026-01-02", 5, 12),
                    Periods = { Received("2026-01-01", "2026-01-01", 2, 4), Received("2026-01-02", "2026-01-02", 3, 8) },
                    BacklogUnits = 9, BacklogOldestAgeDays = 2,
                    Backlog = { new BacklogDay { Day = "2025-12-31", Units = 1 }, new BacklogDay { Day = "2026-01-02", Units = 8 } },
                },
                new CenterMetrics { FulfillmentCenterId = "FC-NYC-1", Total = Received("2026-01-01", "2026-01-02", 0, 0) },
            },
        });

        Assert.Equal(
        [
            ["FC-PDX-1", "2026-01-01", "2026-01-01", "2", "4", "9", "2"], ["FC-PDX-1", "2026-01-02", "2026-01-02", "3", "8", "9", "2"],
            ["FC-PDX-1", "2026-01-01", "2026-01-02", "5", "12", "9", "2"], ["FC-NYC-1", "2026-01-01", "2026-01-02", "0", "0", "0", "0"],
        ], Table(view));
        Assert.Equal("centre,first_day,last_day,parcels,units,backlog_units,oldest_backlog_(days)\n" +
            "FC-PDX-1,2026-01-01,2026-01-01,2,4,9,2\nFC-PDX-1,2026-01-02,2026-01-02,3,8,9,2\nFC-NYC-1,2026-01-01,2026-01-02,0,0,0,0\n", Csv(view));
        Assert.Contains("Backlog of FC-PDX-1 by arrival day (units)", Charts(view));
        Assert.Matches(@"2025-12-31 +█* 1", Charts(view));
        Assert.Matches(@"2026-01-02 +█+ 8", Charts(view));
        Assert.DoesNotContain("FC-NYC-1", Charts(view)); // no backlog, no chart
    }

    [Fact]
    public void A_rate_without_units_sold_reads_as_a_dash_in_tables_and_empty_in_csv()
    {
        var view = RateCommand.View(new GetReturnRateResponse
        {
            Groups = { new ReturnRateGroup { Group = "SKU-1", Total = new ReturnRatePeriod { FirstDay = "2026-01-01", LastDay = "2026-01-31", Returns = 1, UnitsReturned = 2 } } },
        });

        Assert.Equal([["SKU-1", "2026-01-01", "2026-01-31", "1", "2", "0", "-"]], Table(view));
        Assert.EndsWith("SKU-1,2026-01-01,2026-01-31,1,2,0,\n", Csv(view));
        Assert.Empty(view.Charts); // no interval: nothing to chart over time
    }
}
