using System.CommandLine;

namespace ReverseLogistics.Cli.Analytics;

/// <summary>rlctl analytics: return rates, reasons, resolution times, disposition mix, customer risk and centre metrics (docs/analytics.md).</summary>
public static class AnalyticsCommands
{
    public static Command Create() => new("analytics", "Return analytics: tables and charts, --json or --csv (merchant or operator key)")
    {
        RateCommand.Create(), ReasonsCommand.Create(), ResolutionCommand.Create(), DispositionsCommand.Create(), RiskCommand.Create(), CentresCommand.Create(),
    };
}
