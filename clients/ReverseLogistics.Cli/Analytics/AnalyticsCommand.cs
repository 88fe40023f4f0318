using System.CommandLine;
using Google.Protobuf;

namespace ReverseLogistics.Cli.Analytics;

/// <summary>
/// What every analytics command does around its call: the output options (and the paging options for an answer that
/// pages), a check of them before calling, the call, and its <see cref="AnalyticsView"/> printed as asked.
/// </summary>
public static class AnalyticsCommand
{
    public static Command Paged<T>(Command command, Func<Connection, ParseResult, Page, CancellationToken, Task<T>> call, Func<T, AnalyticsView> view)
        where T : IMessage => Paged(command, call, (response, _) => view(response));

    /// <summary>As above, with a view that also reads the command line (what was asked shapes what is drawn).</summary>
    public static Command Paged<T>(Command command, Func<Connection, ParseResult, Page, CancellationToken, Task<T>> call,
        Func<T, ParseResult, AnalyticsView> view) where T : IMessage
    {
        var pages = new PageOptions();
        pages.AddTo(command);
        return Wire(command, (connection, result, cancellationToken) =>
            pages.ReadAsync(result, page => call(connection, result, page, cancellationToken)), view);
    }

    public static Command Single<T>(Command command, Func<Connection, ParseResult, CancellationToken, Task<T>> call, Func<T, AnalyticsView> view)
        where T : IMessage => Wire(command, call, (response, _) => view(response));

    private static Command Wire<T>(Command command, Func<Connection, ParseResult, CancellationToken, Task<T>> call, Func<T, ParseResult, AnalyticsView> view)
        where T : IMessage
    {
        var report = new ReportOutput();
        report.AddTo(command);
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            report.Check(result);
            var response = await call(connection, result, cancellationToken);
            report.Print(connection.Output, result, view(response, result), PageOptions.More(response));
        })(command);
        return command;
    }
}
